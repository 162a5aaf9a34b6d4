package app.stride.gcp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import io.micrometer.stackdriver.StackdriverConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Cloud Monitoring configuration from a Cloud Run functions environment. Nothing here talks to
 * Cloud Monitoring: there is no local server for it.
 */
class CloudMonitoringConfigTest {
  private static final Map<String, String> CLOUD_RUN_FUNCTION =
      Map.of(
          "STRIDE_REGION", "apac",
          "STRIDE_GCP_PROJECT", "stride-apac",
          "K_SERVICE", "profiles-http",
          "K_REVISION", "profiles-http-00007-xiz",
          "FUNCTION_TARGET", "app.stride.profiles.gcp.ProfilesHttp");

  @Test
  void fromEnv_describesTheInstanceAsAGenericTask() {
    CloudMonitoringConfig config =
        CloudMonitoringConfig.fromEnv(new Env(CLOUD_RUN_FUNCTION), "a1b2");

    StackdriverConfig stackdriver = config.toStackdriverConfig();
    assertThat(stackdriver.projectId()).isEqualTo("stride-apac");
    assertThat(stackdriver.resourceType()).isEqualTo("generic_task");
    assertThat(stackdriver.resourceLabels())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "location", "asia-southeast1",
                "namespace", "apac",
                "job", "profiles-http",
                "task_id", "profiles-http-00007-xiz-a1b2"));
    assertThat(stackdriver.step()).isEqualTo(Duration.ofMinutes(1));
    assertThat(stackdriver.validate().isValid()).isTrue();
  }

  @Test
  void fromEnv_givesEachInstanceItsOwnTaskId() {
    Env env = new Env(CLOUD_RUN_FUNCTION);

    String first = CloudMonitoringConfig.fromEnv(env).resourceLabels().get("task_id");
    String second = CloudMonitoringConfig.fromEnv(env).resourceLabels().get("task_id");

    assertThat(first).startsWith("profiles-http-00007-xiz-").isNotEqualTo(second);
  }

  @Test
  void fromEnv_fallsBackToTheStandardProjectVariable_andAnExplicitLocationAndStep() {
    CloudMonitoringConfig config =
        CloudMonitoringConfig.fromEnv(
            new Env(
                Map.of(
                    "STRIDE_REGION", "apac",
                    "GOOGLE_CLOUD_PROJECT", "from-runtime",
                    "STRIDE_GCP_LOCATION", "asia-east1",
                    "FUNCTION_TARGET", "ProfilesHttp",
                    "STRIDE_METRICS_STEP_SECONDS", "30")),
            "x");

    assertThat(config.projectId()).isEqualTo("from-runtime");
    assertThat(config.resourceLabels())
        .containsEntry("location", "asia-east1")
        .containsEntry("job", "ProfilesHttp")
        .containsEntry("task_id", "ProfilesHttp-x");
    assertThat(config.step()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void fromEnv_refusesARegionThatIsNotOnGoogleCloud() {
    assertThatThrownBy(
            () ->
                CloudMonitoringConfig.fromEnv(
                    new Env(Map.of("STRIDE_REGION", "eu", "STRIDE_GCP_PROJECT", "p")), "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a Google Cloud region");
  }

  @Test
  void fromEnv_requiresAProject() {
    assertThatThrownBy(
            () -> CloudMonitoringConfig.fromEnv(new Env(Map.of("STRIDE_REGION", "apac")), "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STRIDE_FIRESTORE_PROJECT");
  }
}
