package app.stride.directory.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class DirectoryAwsConfigTest {
  private static final String ARN =
      "arn:aws:secretsmanager:eu-central-1:123456789012:secret:stride-directory-api-secret-AbCdEf";
  private static final String SECRET_BASE64 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  @Test
  void cloud_readsTheTableDefault_theLambdaRegion_andTheSecretArn() {
    DirectoryAwsConfig config =
        DirectoryAwsConfig.fromEnv(
            new Env(Map.of("AWS_REGION", "eu-central-1", ApiSecret.ARN_ENV, ARN)));

    assertThat(config.tableName()).isEqualTo("stride-directory");
    assertThat(config.dynamoDb().awsRegion()).isEqualTo(Region.EU_CENTRAL_1);
    assertThat(config.dynamoDb().endpoint()).isEmpty();
    assertThat(config.apiSecret()).isEqualTo(new ApiSecret.InSecretsManager(ARN));
    assertThat(((ApiSecret.InSecretsManager) config.apiSecret()).awsRegion())
        .isEqualTo("eu-central-1");
    assertThat(config.createTable()).isFalse();
  }

  @Test
  void local_takesTheInlineSecret_andCreatesTheTableOnlyWithAnEndpoint() {
    DirectoryAwsConfig local =
        DirectoryAwsConfig.fromEnv(
            new Env(
                Map.of(
                    "STRIDE_DIRECTORY_TABLE", "dir-local",
                    "STRIDE_DYNAMODB_ENDPOINT", "http://127.0.0.1:4567",
                    "STRIDE_CREATE_TABLES", "true",
                    "STRIDE_DIRECTORY_API_SECRET", SECRET_BASE64)));
    DirectoryAwsConfig noEndpoint =
        DirectoryAwsConfig.fromEnv(
            new Env(
                Map.of(
                    "AWS_REGION", "eu-central-1",
                    "STRIDE_CREATE_TABLES", "true",
                    "STRIDE_DIRECTORY_API_SECRET", SECRET_BASE64)));

    assertThat(local.tableName()).isEqualTo("dir-local");
    assertThat(local.dynamoDb().awsRegion()).isEqualTo(Region.EU_CENTRAL_1);
    assertThat(local.apiSecret()).isInstanceOf(ApiSecret.Inline.class);
    assertThat(local.createTable()).isTrue();
    assertThat(noEndpoint.createTable()).isFalse();
  }

  @Test
  void config_printsNoSecret() {
    DirectoryAwsConfig config =
        DirectoryAwsConfig.fromEnv(
            new Env(
                Map.of(
                    "AWS_REGION", "eu-central-1", "STRIDE_DIRECTORY_API_SECRET", SECRET_BASE64)));

    assertThat(config.toString()).doesNotContain(SECRET_BASE64).doesNotContain("0123456789");
  }

  @Test
  void fromEnv_requiresExactlyOneSecretSource() {
    assertThatThrownBy(
            () -> DirectoryAwsConfig.fromEnv(new Env(Map.of("AWS_REGION", "eu-central-1"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exactly one");
    assertThatThrownBy(
            () ->
                DirectoryAwsConfig.fromEnv(
                    new Env(
                        Map.of(
                            "AWS_REGION",
                            "eu-central-1",
                            ApiSecret.ARN_ENV,
                            ARN,
                            "STRIDE_DIRECTORY_API_SECRET",
                            SECRET_BASE64))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void fromEnv_refusesAShortSecret_orAMalformedArn_orNoRegionInTheCloud() {
    assertThatThrownBy(
            () ->
                DirectoryAwsConfig.fromEnv(
                    new Env(
                        Map.of(
                            "AWS_REGION",
                            "eu-central-1",
                            "STRIDE_DIRECTORY_API_SECRET",
                            "c2hvcnQ="))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("c2hvcnQ");
    assertThatThrownBy(
            () ->
                DirectoryAwsConfig.fromEnv(
                    new Env(
                        Map.of("AWS_REGION", "eu-central-1", ApiSecret.ARN_ENV, "stride-secret"))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> DirectoryAwsConfig.fromEnv(new Env(Map.of(ApiSecret.ARN_ENV, ARN))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AWS_REGION");
  }
}
