package app.stride.profiles.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.config.Env;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilesAwsConfigTest {
  private static final Map<String, String> LOCAL =
      Map.of(
          "STRIDE_REGION", "eu",
          "AWS_REGION", "eu-central-1",
          "STRIDE_EVENTS_QUEUE_URL", "http://127.0.0.1:9/000000000000/events",
          "STRIDE_DYNAMODB_ENDPOINT", "http://127.0.0.1:8000",
          "STRIDE_LOCAL_MODE", "true");

  @Test
  void localMode_aloneDoesNotCreateTables() {
    assertThat(config(LOCAL, Map.of()).createTable()).isFalse();
  }

  @Test
  void createTablesSwitch_withALocalEndpoint_createsTables() {
    assertThat(config(LOCAL, Map.of("STRIDE_CREATE_TABLES", "true")).createTable()).isTrue();
  }

  @Test
  void createTablesSwitch_withoutAnEndpoint_isIgnored() {
    Map<String, String> cloud = new HashMap<>(LOCAL);
    cloud.remove("STRIDE_DYNAMODB_ENDPOINT");
    cloud.remove("STRIDE_LOCAL_MODE");

    assertThat(config(cloud, Map.of("STRIDE_CREATE_TABLES", "true")).createTable()).isFalse();
  }

  private static ProfilesAwsConfig config(Map<String, String> base, Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(base);
    values.putAll(extra);
    return ProfilesAwsConfig.fromEnv(new Env(values));
  }
}
