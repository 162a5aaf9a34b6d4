package app.stride.devices.aws.adapter.out.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** The requests {@link S3ObjectStore} builds (no server needed). */
class S3ObjectStoreTest {
  private static final S3Settings LOCAL =
      new S3Settings(
          Region.EU_CENTRAL_1,
          "stride-devices-eu",
          Optional.of(URI.create("http://127.0.0.1:1")),
          Optional.empty());

  @Test
  void put_withAKmsKey_asksForKmsEncryptionUnderThatKey() {
    try (S3Client client = S3ObjectStore.client(LOCAL)) {
      S3ObjectStore store =
          new S3ObjectStore(client, "stride-devices-eu", Optional.of("alias/stride-devices-eu"));

      PutObjectRequest request = store.putRequest("originals/ana/i_1", "application/fit");

      assertThat(request.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(request.ssekmsKeyId()).isEqualTo("alias/stride-devices-eu");
      assertThat(request.contentType()).isEqualTo("application/fit");
    }
  }

  @Test
  void put_withoutAKmsKey_sendsNoEncryptionHeader() {
    try (S3Client client = S3ObjectStore.client(LOCAL)) {
      S3ObjectStore store = new S3ObjectStore(client, "stride-devices-eu", Optional.empty());

      PutObjectRequest request = store.putRequest("samples/ana/a_1", "application/json");

      assertThat(request.serverSideEncryption()).isNull();
      assertThat(request.ssekmsKeyId()).isNull();
    }
  }

  @Test
  void keys_withEmptyDotOrTraversalSegments_areRefused() {
    try (S3Client client = S3ObjectStore.client(LOCAL)) {
      S3ObjectStore store = new S3ObjectStore(client, "b", Optional.empty());

      for (String key :
          new String[] {"", "/abs", "a//b", "../x", "a/../b", "a/./b", "a/..", "a/", "sp ace"}) {
        assertThatThrownBy(() -> store.putRequest(key, "application/fit"))
            .as(key)
            .isInstanceOf(IllegalArgumentException.class);
      }
      assertThat(store.putRequest("originals/ana.b@x:1/i_2", "application/zip").key())
          .isEqualTo("originals/ana.b@x:1/i_2");
    }
  }

  @Test
  void settings_readTheEnvironment_andIgnoreABlankKmsKey() {
    S3Settings settings =
        S3Settings.fromEnv(
            new app.stride.core.config.Env(
                java.util.Map.of(
                    "AWS_REGION", "eu-central-1",
                    "STRIDE_DEVICES_BUCKET", "stride-devices-eu",
                    "STRIDE_S3_ENDPOINT", "http://127.0.0.1:9000",
                    "STRIDE_DEVICES_KMS_KEY_ID", " ")));

    assertThat(settings.bucket()).isEqualTo("stride-devices-eu");
    assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:9000"));
    assertThat(settings.kmsKeyId()).isEmpty();
  }
}
