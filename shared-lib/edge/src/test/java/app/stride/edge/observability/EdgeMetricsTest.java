package app.stride.edge.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EdgeMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final EdgeMetrics metrics =
      new EdgeMetrics(registry, new ServiceIdentity("apac", "profiles"));

  /** The request timer's histogram settings, as the registry receives them. */
  private final AtomicReference<DistributionStatisticConfig> histogram = new AtomicReference<>();

  {
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public DistributionStatisticConfig configure(
                  Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals(EdgeMetrics.REQUESTS)) {
                  histogram.set(config);
                }
                return config;
              }
            });
  }

  @Test
  void recordRequest_timesByOperationAndStatusClass_withAPercentileHistogram() {
    metrics.recordRequest("getMyProfile", 200, Duration.ofMillis(12));
    metrics.recordRequest("getMyProfile", 204, Duration.ofMillis(8));
    metrics.recordRequest("getMyProfile", 404, Duration.ofMillis(3));

    Timer ok =
        registry
            .get(EdgeMetrics.REQUESTS)
            .tags("region", "apac", "function", "profiles")
            .tags("operation", "getMyProfile", "status_class", "2xx")
            .timer();
    assertThat(ok.count()).isEqualTo(2);
    assertThat(ok.max(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(12);
    assertThat(histogram.get().isPercentileHistogram()).isTrue();
    assertThat(histogram.get().getMinimumExpectedValueAsDouble())
        .isEqualTo(EdgeMetrics.MIN_EXPECTED.toNanos());
    assertThat(histogram.get().getMaximumExpectedValueAsDouble())
        .isEqualTo(EdgeMetrics.MAX_EXPECTED.toNanos());
    assertThat(registry.get(EdgeMetrics.REQUESTS).tag("status_class", "4xx").timer().count())
        .isEqualTo(1);
  }

  @Test
  void recordRequest_countsServerErrorsOnly() {
    metrics.recordRequest(null, 404, Duration.ofMillis(1));
    metrics.recordRequest("putMyProfile", 503, Duration.ofMillis(1));
    metrics.recordRequest("putMyProfile", 500, Duration.ofMillis(1));

    assertThat(registry.get(EdgeMetrics.ERRORS).counters()).hasSize(1);
    assertThat(
            registry
                .get(EdgeMetrics.ERRORS)
                .tags("operation", "putMyProfile", "status_class", "5xx")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(registry.get(EdgeMetrics.REQUESTS).tag("operation", "unknown").timer().count())
        .isEqualTo(1);
  }

  @Test
  void recordRequest_reusesItsMeters_butNeverAcrossOperationsOrStatusClasses() {
    metrics.recordRequest("getMyProfile", 200, Duration.ofMillis(5));
    metrics.recordRequest("putMyProfile", 200, Duration.ofMillis(6));
    metrics.recordRequest("getMyProfile", 404, Duration.ofMillis(7));
    metrics.recordRequest("getMyProfile", 503, Duration.ofMillis(8));
    metrics.recordRequest(null, 200, Duration.ofMillis(9));
    metrics.recordRequest("getMyProfile", 200, Duration.ofMillis(10));
    metrics.recordRequest("getMyProfile", 99, Duration.ofMillis(11));
    metrics.recordRequest("getMyProfile", 600, Duration.ofMillis(12));

    assertThat(timer("getMyProfile", "2xx").count()).isEqualTo(2);
    assertThat(timer("getMyProfile", "2xx").max(TimeUnit.MILLISECONDS)).isEqualTo(10);
    assertThat(timer("putMyProfile", "2xx").count()).isEqualTo(1);
    assertThat(timer("getMyProfile", "4xx").count()).isEqualTo(1);
    assertThat(timer("getMyProfile", "5xx").count()).isEqualTo(1);
    assertThat(timer("unknown", "2xx").count()).isEqualTo(1);
    assertThat(timer("getMyProfile", "other").count())
        .as("99 and 600 share the class, one timer")
        .isEqualTo(2);
    assertThat(registry.get(EdgeMetrics.REQUESTS).timers()).hasSize(6);
    assertThat(registry.get(EdgeMetrics.ERRORS).counters())
        .as("one error series per class that had a server error: 5xx and 600's other")
        .hasSize(2);
    assertThat(registry.get(EdgeMetrics.ERRORS).tag("status_class", "other").counter().count())
        .as("600 counts as an error, 99 does not")
        .isEqualTo(1);
  }

  @Test
  void recordRequest_onTwoRegistries_keepsEachRegistrysOwnMeters() {
    SimpleMeterRegistry other = new SimpleMeterRegistry();
    EdgeMetrics elsewhere = new EdgeMetrics(other, new ServiceIdentity("eu", "auth"));

    metrics.recordRequest("login", 200, Duration.ofMillis(1));
    elsewhere.recordRequest("login", 200, Duration.ofMillis(1));
    elsewhere.recordRequest("login", 200, Duration.ofMillis(1));

    assertThat(registry.get(EdgeMetrics.REQUESTS).tag("region", "apac").timer().count())
        .isEqualTo(1);
    assertThat(other.get(EdgeMetrics.REQUESTS).tag("region", "eu").timer().count()).isEqualTo(2);
  }

  private Timer timer(String operation, String statusClass) {
    return registry
        .get(EdgeMetrics.REQUESTS)
        .tags("operation", operation, "status_class", statusClass)
        .timer();
  }

  @Test
  void statusClass_groupsByHundreds() {
    assertThat(EdgeMetrics.statusClass(201)).isEqualTo("2xx");
    assertThat(EdgeMetrics.statusClass(429)).isEqualTo("4xx");
    assertThat(EdgeMetrics.statusClass(599)).isEqualTo("5xx");
    assertThat(EdgeMetrics.statusClass(0)).isEqualTo("other");
    assertThat(EdgeMetrics.statusClass(600)).isEqualTo("other");
  }
}
