package app.stride.devices.aws.adapter.out.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.store.StoreUnavailableException;
import app.stride.testkit.junit.UniqueNames;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link S3ObjectStore} against a real S3-protocol server on loopback (s3proxy, in-memory backend),
 * through the same client the function builds ({@link S3ObjectStore#client(S3Settings)}).
 */
class S3ObjectStoreIT {
  @RegisterExtension static final S3ProxyExtension S3 = new S3ProxyExtension();

  private S3Client client;
  private S3ObjectStore store;
  private String bucket;

  @BeforeEach
  void freshBucket() {
    bucket = UniqueNames.uniqueName("stride-devices-eu").toLowerCase();
    S3Settings settings =
        new S3Settings(Region.EU_CENTRAL_1, bucket, Optional.of(S3.endpoint()), Optional.empty());
    client = S3ObjectStore.client(settings);
    S3.createBucket(bucket);
    store = new S3ObjectStore(client, bucket, settings.kmsKeyId());
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void put_thenGet_returnsTheBytes_storedUnderTheKey_withTheContentType() {
    byte[] fit = "a FIT file".getBytes(StandardCharsets.UTF_8);

    store.put("originals/ana/i_01", fit, "application/fit");

    assertThat(store.get("originals/ana/i_01"))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(fit));
    assertThat(client.headObject(r -> r.bucket(bucket).key("originals/ana/i_01")).contentType())
        .isEqualTo("application/fit");
    assertThat(store.get("originals/bob/i_01")).isEmpty();
  }

  @Test
  void put_again_replacesTheObject() {
    store.put("samples/ana/a_01", new byte[] {1, 2, 3}, "application/octet-stream");

    store.put("samples/ana/a_01", new byte[] {4}, "application/octet-stream");

    assertThat(store.get("samples/ana/a_01"))
        .hasValueSatisfying(b -> assertThat(b).containsExactly(4));
  }

  @Test
  void aSeveralMegabyteBinaryObject_roundTripsByteForByte() {
    byte[] large = new byte[5 * 1024 * 1024 + 17];
    new Random(42).nextBytes(large);

    store.put("originals/ana/i_big", large, "application/zip");

    assertThat(store.get("originals/ana/i_big"))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(large));
  }

  @Test
  void get_ofAMissingKey_isEmpty() {
    assertThat(store.get("originals/ana/never")).isEmpty();
  }

  @Test
  void delete_removesTheObject_andDeletingAMissingOneIsNoError() {
    store.put("originals/ana/i_02", new byte[] {9}, "application/gpx+xml");

    store.delete("originals/ana/i_02");
    store.delete("originals/ana/i_02");

    assertThat(store.get("originals/ana/i_02")).isEmpty();
  }

  @Test
  void anUnreachableServer_isStoreUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    S3Settings settings =
        new S3Settings(
            Region.EU_CENTRAL_1,
            bucket,
            Optional.of(URI.create("http://127.0.0.1:" + closedPort)),
            Optional.empty());
    try (S3Client unreachable = S3ObjectStore.client(settings)) {
      S3ObjectStore down = new S3ObjectStore(unreachable, bucket, Optional.empty());

      assertThatThrownBy(() -> down.get("originals/ana/i_03"))
          .isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(() -> down.put("originals/ana/i_03", new byte[] {1}, "application/fit"))
          .isInstanceOf(StoreUnavailableException.class);
    }
  }
}
