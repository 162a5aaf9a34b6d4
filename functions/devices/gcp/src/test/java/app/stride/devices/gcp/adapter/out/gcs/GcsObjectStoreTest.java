package app.stride.devices.gcp.adapter.out.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.store.StoreUnavailableException;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GcsObjectStore} against {@code LocalStorageHelper} (google-cloud-nio's testing helper): an
 * <b>in-memory fake of the {@link Storage} client interface, not a server</b>. No Cloud Storage
 * emulator or GCS-JSON-API server is available from Maven Central here, so this is the most
 * faithful option: it checks the adapter's calls and its mapping of a missing object, but no
 * request reaches an HTTP endpoint and no Cloud Storage behaviour (preconditions, CMEK,
 * permissions) is exercised. The unavailability test uses the real HTTP client against a closed
 * loopback port.
 */
class GcsObjectStoreTest {
  private static final String BUCKET = "stride-devices-apac";

  private Storage storage;
  private GcsObjectStore store;

  @BeforeEach
  void freshFake() {
    storage = LocalStorageHelper.getOptions().getService();
    store = new GcsObjectStore(storage, BUCKET);
  }

  @Test
  void put_thenGet_returnsTheBytes_storedUnderTheKey_withTheContentType() {
    byte[] gpx = "<gpx/>".getBytes(StandardCharsets.UTF_8);

    store.put("originals/ana/i_01", gpx, "application/gpx+xml");

    assertThat(store.get("originals/ana/i_01"))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(gpx));
    assertThat(storage.get(BlobId.of(BUCKET, "originals/ana/i_01")).getContentType())
        .isEqualTo("application/gpx+xml");
    assertThat(store.get("originals/bob/i_01")).isEmpty();
  }

  @Test
  void put_again_replacesTheObject_andLargeBinariesRoundTrip() {
    byte[] large = new byte[3 * 1024 * 1024 + 5];
    new Random(7).nextBytes(large);
    store.put("samples/ana/a_01", new byte[] {1, 2, 3}, "application/octet-stream");

    store.put("samples/ana/a_01", large, "application/octet-stream");

    assertThat(store.get("samples/ana/a_01"))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(large));
  }

  @Test
  void streamKeysOfOneActivity_liveBesideEachOtherAndItsOldKey_andDeleteRemovesOnlyItsOwn() {
    store.put("samples/ana/a_02", new byte[] {1}, "application/json");
    store.put("samples/ana/a_02/s_01", new byte[] {2}, "application/json");
    store.put("samples/ana/a_02/s_02", new byte[] {3}, "application/json");

    store.delete("samples/ana/a_02/s_01");

    assertThat(store.get("samples/ana/a_02/s_01")).isEmpty();
    assertThat(store.get("samples/ana/a_02/s_02"))
        .hasValueSatisfying(b -> assertThat(b).containsExactly(3));
    assertThat(store.get("samples/ana/a_02"))
        .hasValueSatisfying(b -> assertThat(b).containsExactly(1));
  }

  @Test
  void size_andOpen_readTheObjectsLengthAndStreamIt_andAMissingOneIsEmpty() throws Exception {
    byte[] zip = new byte[5 * 1024 * 1024 + 3];
    new Random(9).nextBytes(zip);
    store.put("originals/ana/i_04", zip, "application/zip");

    assertThat(store.size("originals/ana/i_04")).contains((long) zip.length);
    try (InputStream in = store.open("originals/ana/i_04").orElseThrow()) {
      assertThat(in.readAllBytes()).isEqualTo(zip);
    }
    assertThat(store.size("originals/bob/i_04")).isEmpty();
    assertThat(store.open("originals/bob/i_04")).isEmpty();
  }

  @Test
  void delete_removesTheObject_andDeletingAMissingOneIsNoError() {
    store.put("originals/ana/i_02", new byte[] {9}, "application/fit");

    store.delete("originals/ana/i_02");
    store.delete("originals/ana/i_02");

    assertThat(store.get("originals/ana/i_02")).isEmpty();
  }

  @Test
  void keys_withEmptyDotOrTraversalSegments_areRefused() {
    for (String key :
        new String[] {"", "/abs", "a//b", "../x", "a/../b", "a/./b", "a/", "sp ace"}) {
      assertThatThrownBy(() -> store.put(key, new byte[] {1}, "application/fit"))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.get(key)).as(key).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void deleteUnder_removesEveryObjectOfTheFolder_acrossListPages_andNoOtherUsers() {
    // The fake honours the page size: 250 objects take three listings of 100 and a last, empty one.
    int many = 2 * GcsObjectStore.DELETE_PAGE + 50;
    for (int i = 0; i < many; i++) {
      store.put("samples/usr_1/a_" + i + "/s_01", new byte[] {1}, "application/json");
    }
    store.put("originals/usr_1/i_01", new byte[] {2}, "application/fit");
    store.put("samples/usr_10/a_01/s_01", new byte[] {3}, "application/json");
    store.put("samples/usr_10/a_02", new byte[] {4}, "application/json");

    int removed = store.deleteUnder("samples/usr_1/");

    assertThat(removed).isEqualTo(many);
    assertThat(names("samples/usr_1/")).isEmpty();
    assertThat(names(""))
        .containsExactlyInAnyOrder(
            "originals/usr_1/i_01", "samples/usr_10/a_01/s_01", "samples/usr_10/a_02");
  }

  @Test
  void deleteUnder_again_removesNothing_andAnEmptyFolderIsNoError() {
    store.put("originals/usr_1/i_01", new byte[] {2}, "application/fit");
    assertThat(store.deleteUnder("originals/usr_1/")).isEqualTo(1);

    assertThat(store.deleteUnder("originals/usr_1/")).isZero();
    assertThat(store.deleteUnder("originals/nobody/")).isZero();
  }

  @Test
  void deleteUnder_refusesAPrefixThatIsNotAFolder_andDeletesNothing() {
    store.put("samples/usr_1/a_01", new byte[] {1}, "application/json");
    store.put("samples/usr_10/a_01", new byte[] {1}, "application/json");

    for (String prefix : new String[] {"samples/usr_1", "", "/", "/samples/", "samples"}) {
      assertThatThrownBy(() -> store.deleteUnder(prefix))
          .as(prefix)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> store.deleteUnder(null)).isInstanceOf(IllegalArgumentException.class);

    assertThat(names("")).containsExactlyInAnyOrder("samples/usr_1/a_01", "samples/usr_10/a_01");
  }

  /** Every object name under {@code prefix}, all pages read. */
  private List<String> names(String prefix) {
    List<String> names = new ArrayList<>();
    storage
        .list(BUCKET, Storage.BlobListOption.prefix(prefix))
        .iterateAll()
        .forEach(b -> names.add(b.getName()));
    return names;
  }

  @Test
  void anUnreachableService_isStoreUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Storage unreachable =
        StorageOptions.newBuilder()
            .setHost("http://127.0.0.1:" + closedPort)
            .setProjectId("stride-test")
            .setCredentials(NoCredentials.getInstance())
            .setRetrySettings(
                StorageOptions.getDefaultRetrySettings().toBuilder().setMaxAttempts(1).build())
            .build()
            .getService();
    GcsObjectStore down = new GcsObjectStore(unreachable, BUCKET);

    assertThatThrownBy(() -> down.get("originals/ana/i_03"))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> down.put("originals/ana/i_03", new byte[] {1}, "application/fit"))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> down.deleteUnder("originals/ana/"))
        .isInstanceOf(StoreUnavailableException.class);
  }
}
