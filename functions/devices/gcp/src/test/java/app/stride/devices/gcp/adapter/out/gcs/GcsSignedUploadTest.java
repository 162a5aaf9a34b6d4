package app.stride.devices.gcp.adapter.out.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.devices.application.port.out.PresignedUpload;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The form of {@link GcsObjectStore#presignPut}'s V4 signed URLs, signed with a service account
 * made here from a freshly generated RSA key. <b>No Cloud Storage server runs here</b> (the
 * in-memory fake takes no HTTP upload), so no upload is sent: instead the test rebuilds the string
 * Cloud Storage verifies, following Google's published V4 signing process (canonical request,
 * {@code GOOG4-RSA-SHA256} string to sign), checks the signature with the public key, and shows
 * that another method, object, content type or length would not verify. Whether Cloud Storage then
 * enforces {@code x-goog-content-length-range} on a PUT is its documented behaviour, not proven
 * here.
 */
class GcsSignedUploadTest {
  private static final String BUCKET = "stride-devices-apac";
  private static final String ACCOUNT = "stride-devices@stride-test.iam.gserviceaccount.com";
  private static final Duration LIFETIME = Duration.ofMinutes(15);

  private KeyPair rsa;
  private GcsObjectStore store;

  @BeforeEach
  void freshServiceAccount() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    rsa = generator.generateKeyPair();
    ServiceAccountCredentials credentials =
        ServiceAccountCredentials.newBuilder()
            .setClientEmail(ACCOUNT)
            .setPrivateKey(rsa.getPrivate())
            .setPrivateKeyId("test-key")
            .setProjectId("stride-test")
            .build();
    Storage storage =
        StorageOptions.newBuilder()
            .setProjectId("stride-test")
            .setCredentials(credentials)
            .build()
            .getService();
    store = new GcsObjectStore(storage, BUCKET);
  }

  @Test
  void theUrl_isV4_forAPutOfExactlyTheObject_withTypeAndLengthSigned_for15Minutes()
      throws Exception {
    Instant before = Instant.now();

    PresignedUpload upload =
        store.presignPut("originals/ana/i_01", "application/zip", 222_298_112L, LIFETIME);

    Map<String, String> query = query(upload);
    assertThat(upload.method()).isEqualTo("PUT");
    assertThat(upload.url().getScheme()).isEqualTo("https");
    assertThat(upload.url().getHost()).isEqualTo("storage.googleapis.com");
    assertThat(upload.url().getRawPath()).isEqualTo("/" + BUCKET + "/originals/ana/i_01");
    assertThat(query)
        .containsEntry("X-Goog-Algorithm", "GOOG4-RSA-SHA256")
        .containsEntry("X-Goog-Expires", "900")
        .containsEntry("X-Goog-SignedHeaders", "content-type;host;x-goog-content-length-range");
    assertThat(query.get("X-Goog-Credential"))
        .matches(ACCOUNT + "/\\d{8}/auto/storage/goog4_request");
    assertThat(upload.headers())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Content-Type", "application/zip",
                "x-goog-content-length-range", "222298112,222298112"));
    Instant signedAt =
        LocalDateTime.parse(
                query.get("X-Goog-Date"), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
            .toInstant(ZoneOffset.UTC);
    assertThat(signedAt).isBetween(before.minusSeconds(1), Instant.now());
    assertThat(upload.expiresAt())
        .isBetween(signedAt.plus(LIFETIME).minusSeconds(1), signedAt.plus(LIFETIME).plusSeconds(1));
    assertThat(verifies(upload, "PUT", upload.url().getRawPath(), upload.headers())).isTrue();
  }

  @Test
  void theSignature_coversTheMethodTheObjectTheContentTypeAndTheLength() throws Exception {
    PresignedUpload upload =
        store.presignPut("originals/ana/i_02", "application/fit", 4096, LIFETIME);
    String path = upload.url().getRawPath();
    Map<String, String> otherType = new TreeMap<>(upload.headers());
    otherType.put("Content-Type", "application/gpx+xml");
    Map<String, String> otherLength = new TreeMap<>(upload.headers());
    otherLength.put("x-goog-content-length-range", "0,536870912");

    assertThat(verifies(upload, "PUT", path, upload.headers())).isTrue();
    assertThat(verifies(upload, "GET", path, upload.headers())).isFalse();
    assertThat(verifies(upload, "PUT", path.replace("/ana/", "/bob/"), upload.headers())).isFalse();
    assertThat(verifies(upload, "PUT", path, otherType)).isFalse();
    assertThat(verifies(upload, "PUT", path, otherLength)).isFalse();
  }

  @Test
  void theInMemoryBucketOfTheLocalPlatform_saysItCannotSignUploads() {
    Storage memory = LocalStorageHelper.getOptions().getService();
    GcsObjectStore local = new GcsObjectStore(memory, BUCKET, Clock.systemUTC(), false);

    assertThat(local.signsUploads()).isFalse();
    assertThat(store.signsUploads()).isTrue();
    assertThatThrownBy(
            () -> local.presignPut("originals/ana/i_03", "application/zip", 10, LIFETIME))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(
            () ->
                new GcsObjectStore(memory, BUCKET)
                    .presignPut("originals/ana/i_03", "application/zip", 10, LIFETIME))
        .as("why: the in-memory storage has no signing key")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Signing key");
  }

  /**
   * Whether the URL's signature verifies, with the public key, for a request of {@code method} to
   * {@code path} carrying {@code headers}: the V4 canonical request and string to sign as Google
   * documents them (query sorted without {@code X-Goog-Signature}, headers lower-cased and sorted,
   * {@code UNSIGNED-PAYLOAD}).
   */
  private boolean verifies(
      PresignedUpload upload, String method, String path, Map<String, String> headers)
      throws GeneralSecurityException {
    Map<String, String> canonical = new TreeMap<>();
    headers.forEach((name, value) -> canonical.put(name.toLowerCase(), value.trim()));
    canonical.put("host", upload.url().getHost());
    String canonicalQuery =
        Arrays.stream(upload.url().getRawQuery().split("&"))
            .filter(pair -> !pair.startsWith("X-Goog-Signature="))
            .sorted()
            .collect(Collectors.joining("&"));
    String canonicalHeaders =
        canonical.entrySet().stream()
            .map(e -> e.getKey() + ":" + e.getValue() + "\n")
            .collect(Collectors.joining());
    String request =
        String.join(
            "\n",
            method,
            path,
            canonicalQuery,
            canonicalHeaders,
            String.join(";", canonical.keySet()),
            "UNSIGNED-PAYLOAD");
    Map<String, String> query = query(upload);
    String scope = query.get("X-Goog-Credential").substring(ACCOUNT.length() + 1);
    String toSign =
        String.join(
            "\n",
            "GOOG4-RSA-SHA256",
            query.get("X-Goog-Date"),
            scope,
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(request.getBytes(StandardCharsets.UTF_8))));
    return verify(rsa.getPublic(), toSign, HexFormat.of().parseHex(query.get("X-Goog-Signature")));
  }

  private static boolean verify(PublicKey key, String toSign, byte[] signature)
      throws GeneralSecurityException {
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(key);
    rsa.update(toSign.getBytes(StandardCharsets.UTF_8));
    return rsa.verify(signature);
  }

  private static Map<String, String> query(PresignedUpload upload) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : upload.url().getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return params;
  }
}
