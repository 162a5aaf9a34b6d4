package app.stride.devices.aws.adapter.out.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.store.StoreUnavailableException;
import app.stride.devices.application.port.out.PresignedUpload;
import app.stride.testkit.junit.UniqueNames;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link S3ObjectStore} against a real S3-protocol server on loopback (s3proxy, in-memory backend,
 * SigV4 authentication), through the same client the function builds ({@link
 * S3ObjectStore#client(S3Settings)}). Presigned uploads are sent as a client would, over plain
 * HTTP, and s3proxy checks their query-string signature: another key, content length, content type,
 * a forged signature or an expired URL is refused.
 */
class S3ObjectStoreIT {
  @RegisterExtension static final S3ProxyExtension S3 = new S3ProxyExtension();

  private static final Duration LIFETIME = Duration.ofMinutes(15);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

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
  void aPresignedPut_takesExactlyTheAnnouncedObject_whichSizeAndOpenThenRead() throws Exception {
    byte[] zip = new byte[3 * 1024 * 1024 + 11];
    new Random(3).nextBytes(zip);
    PresignedUpload upload =
        store.presignPut("originals/ana/i_up1", "application/zip", zip.length, LIFETIME);

    HttpResponse<String> put = put(upload.url(), upload.headers(), zip);

    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(upload.method()).isEqualTo("PUT");
    assertThat(upload.headers())
        .containsEntry("content-type", "application/zip")
        .containsEntry("content-length", Integer.toString(zip.length))
        .doesNotContainKey("host");
    assertThat(upload.url().getRawQuery())
        .contains("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Expires=900", "X-Amz-SignedHeaders=");
    assertThat(upload.expiresAt()).isBetween(Instant.now(), Instant.now().plus(LIFETIME));
    assertThat(store.size("originals/ana/i_up1")).contains((long) zip.length);
    try (InputStream in = store.open("originals/ana/i_up1").orElseThrow()) {
      assertThat(in.readAllBytes()).isEqualTo(zip);
    }
    assertThat(client.headObject(r -> r.bucket(bucket).key("originals/ana/i_up1")).contentType())
        .isEqualTo("application/zip");
  }

  @Test
  void aPresignedPut_forAnotherKey_isRefused_andStoresNothing() throws Exception {
    byte[] fit = "a FIT file".getBytes(StandardCharsets.UTF_8);
    PresignedUpload upload =
        store.presignPut("originals/ana/i_up2", "application/fit", fit.length, LIFETIME);
    URI tampered =
        URI.create(upload.url().toString().replace("originals/ana/i_up2", "originals/bob/i_up2"));

    HttpResponse<String> put = put(tampered, upload.headers(), fit);

    assertThat(put.statusCode()).isEqualTo(403);
    assertThat(store.size("originals/bob/i_up2")).isEmpty();
    assertThat(store.size("originals/ana/i_up2")).isEmpty();
  }

  @Test
  void aPresignedPut_withAnotherContentLength_isRefused() throws Exception {
    byte[] announced = "a FIT file".getBytes(StandardCharsets.UTF_8);
    byte[] larger = "a larger FIT file".getBytes(StandardCharsets.UTF_8);
    PresignedUpload upload =
        store.presignPut("originals/ana/i_up3", "application/fit", announced.length, LIFETIME);

    HttpResponse<String> put = put(upload.url(), upload.headers(), larger);

    assertThat(put.statusCode()).isEqualTo(403);
    assertThat(store.size("originals/ana/i_up3")).isEmpty();
  }

  @Test
  void aPresignedPut_withAnotherContentTypeOrATamperedSignature_isRefused() throws Exception {
    byte[] gpx = "<gpx/>".getBytes(StandardCharsets.UTF_8);
    PresignedUpload upload =
        store.presignPut("originals/ana/i_up4", "application/gpx+xml", gpx.length, LIFETIME);
    Map<String, String> otherType = new HashMap<>(upload.headers());
    otherType.put("content-type", "application/zip");
    String url = upload.url().toString();
    int at = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
    URI forged =
        URI.create(
            url.substring(0, at) + (url.charAt(at) == '0' ? '1' : '0') + url.substring(at + 1));

    assertThat(put(upload.url(), otherType, gpx).statusCode()).isEqualTo(403);
    assertThat(put(forged, upload.headers(), gpx).statusCode()).isEqualTo(403);
    assertThat(store.size("originals/ana/i_up4")).isEmpty();
  }

  @Test
  void anExpiredPresignedPut_isRefused() throws Exception {
    byte[] fit = "a FIT file".getBytes(StandardCharsets.UTF_8);
    PresignedUpload upload =
        store.presignPut(
            "originals/ana/i_up5", "application/fit", fit.length, Duration.ofSeconds(1));
    Thread.sleep(2_100);

    assertThat(put(upload.url(), upload.headers(), fit).statusCode()).isEqualTo(403);
    assertThat(store.size("originals/ana/i_up5")).isEmpty();
  }

  @Test
  void sizeAndOpen_ofAMissingKey_areEmpty() {
    assertThat(store.size("originals/ana/never")).isEmpty();
    assertThat(store.open("originals/ana/never")).isEmpty();
  }

  /** The client's upload: the signed URL, the given headers, the body (its length set by HTTP). */
  private static HttpResponse<String> put(URI url, Map<String, String> headers, byte[] body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(
        (name, value) -> {
          if (!name.equalsIgnoreCase("content-length")) {
            request.header(name, value);
          }
        });
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void deleteUnder_removesTheFolder_only_notAUserWhoseIdItPrefixes() {
    store.put("samples/usr_1/a_1", new byte[] {1}, "application/json");
    store.put("samples/usr_1/a_2/s_1", new byte[] {2}, "application/json");
    store.put("originals/usr_1/i_1", new byte[] {3}, "application/fit");
    store.put("samples/usr_10/a_3/s_1", new byte[] {4}, "application/json");

    int deleted = store.deleteUnder("samples/usr_1/");

    assertThat(deleted).isEqualTo(2);
    assertThat(keys()).containsExactly("originals/usr_1/i_1", "samples/usr_10/a_3/s_1");
    assertThat(store.deleteUnder("samples/usr_1/")).as("a second call").isZero();
    assertThat(keys()).hasSize(2);
  }

  @Test
  void deleteUnder_moreThanAListPage_removesEveryObject_acrossDeleteBatches() throws Exception {
    int count = S3ObjectStore.DELETE_BATCH + 50;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> puts = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String key = String.format("samples/usr_1/a_%04d/s_1", i);
        puts.add(pool.submit(() -> store.put(key, new byte[] {7}, "application/json")));
      }
      for (Future<?> put : puts) {
        put.get();
      }
    } finally {
      pool.shutdown();
    }
    store.put("samples/usr_10/a_1/s_1", new byte[] {8}, "application/json");
    assertThat(keys()).hasSize(count + 1);

    int deleted = store.deleteUnder("samples/usr_1/");

    assertThat(deleted).isEqualTo(count);
    assertThat(keys()).containsExactly("samples/usr_10/a_1/s_1");
  }

  @Test
  void deleteUnder_refusesAPrefixThatIsNotAFolder_andDeletesNothing() {
    store.put("samples/usr_10/a_1/s_1", new byte[] {1}, "application/json");

    for (String prefix : new String[] {"samples/usr_1", "", "/", "/samples/usr_1/", "samples"}) {
      assertThatThrownBy(() -> store.deleteUnder(prefix))
          .as(prefix)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> store.deleteUnder(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(keys()).containsExactly("samples/usr_10/a_1/s_1");
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
      assertThatThrownBy(() -> down.deleteUnder("originals/ana/"))
          .isInstanceOf(StoreUnavailableException.class);
    }
  }

  /** Every key in the bucket, listed raw, in S3's (lexicographic) order. */
  private List<String> keys() {
    return client.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
        .map(S3Object::key)
        .toList();
  }
}
