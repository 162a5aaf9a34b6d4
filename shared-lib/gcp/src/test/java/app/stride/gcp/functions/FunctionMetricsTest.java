package app.stride.gcp.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The choice only: building a Cloud Monitoring registry would reach for Google credentials, and no
 * local server stands in for Cloud Monitoring ({@code CloudMonitoringConfigTest} covers its
 * settings).
 */
class FunctionMetricsTest {
  @Test
  void unsetOrNone_keepsMetersInTheProcess() {
    assertThat(FunctionMetrics.fromEnv(new Env(Map.of()))).isInstanceOf(SimpleMeterRegistry.class);
    assertThat(FunctionMetrics.fromEnv(new Env(Map.of("STRIDE_METRICS", " None "))))
        .isInstanceOf(SimpleMeterRegistry.class);
  }

  @Test
  void anotherCloudsOutput_isAWiringMistake() {
    assertThatThrownBy(() -> FunctionMetrics.fromEnv(new Env(Map.of("STRIDE_METRICS", "emf"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("emf");
  }

  @Test
  void cloudMonitoring_withoutAProject_failsAtStartup_beforeAnyCall() {
    assertThatThrownBy(
            () ->
                FunctionMetrics.fromEnv(
                    new Env(Map.of("STRIDE_METRICS", "cloud-monitoring", "STRIDE_REGION", "apac"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STRIDE_FIRESTORE_PROJECT");
  }
}
