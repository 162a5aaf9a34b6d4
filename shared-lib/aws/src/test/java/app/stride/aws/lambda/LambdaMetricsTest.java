package app.stride.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.aws.metrics.EmfMeterRegistry;
import app.stride.core.config.Env;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaMetricsTest {
  @Test
  void unsetOrNone_keepsMetersInTheProcess() {
    assertThat(LambdaMetrics.fromEnv(new Env(Map.of()))).isInstanceOf(SimpleMeterRegistry.class);
    assertThat(LambdaMetrics.fromEnv(new Env(Map.of("STRIDE_METRICS", "none"))))
        .isInstanceOf(SimpleMeterRegistry.class);
  }

  @Test
  void emf_writesEmbeddedMetricFormat() {
    MeterRegistry registry =
        LambdaMetrics.fromEnv(
            new Env(Map.of("STRIDE_METRICS", "EMF", "STRIDE_METRICS_NAMESPACE", "StrideTest")));
    try {
      assertThat(registry).isInstanceOf(EmfMeterRegistry.class);
    } finally {
      registry.close();
    }
  }

  @Test
  void anotherCloudsOutput_isAWiringMistake() {
    assertThatThrownBy(
            () -> LambdaMetrics.fromEnv(new Env(Map.of("STRIDE_METRICS", "cloud-monitoring"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cloud-monitoring");
  }
}
