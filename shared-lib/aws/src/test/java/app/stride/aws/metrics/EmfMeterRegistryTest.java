package app.stride.aws.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.config.Env;
import app.stride.core.json.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Checks every written line against the structure the CloudWatch Embedded Metric Format
 * specification requires (root {@code _aws} with integer {@code Timestamp} and {@code
 * CloudWatchMetrics} directives of {@code Namespace}, {@code Dimensions} and at most 100 {@code
 * Metrics}; every referenced dimension a string member of the root, every metric a number), then
 * the values.
 */
class EmfMeterRegistryTest {
  private static final Duration STEP = Duration.ofMinutes(1);
  private static final Set<String> UNITS =
      Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Percent", "Count", "None");

  private final MockClock clock = new MockClock();
  private final List<String> lines = new ArrayList<>();
  private final EmfMeterRegistry registry =
      new EmfMeterRegistry(EmfConfig.of("Stride/Test", STEP), clock, lines::add);

  @Test
  void publish_writesATimersStepAsCountSumAndMax_withItsTagsAsDimensions() {
    Timer timer =
        Timer.builder("stride.http.server.requests")
            .tags("region", "eu", "function", "profiles", "operation", "getMyProfile")
            .tag("status_class", "2xx")
            .publishPercentileHistogram()
            .register(registry);
    timer.record(Duration.ofMillis(30));
    timer.record(Duration.ofMillis(10));
    clock.add(STEP);

    registry.publish();

    JsonNode document = single(documentsWith("stride.http.server.requests.count"));
    assertThat(document.get("stride.http.server.requests.count").asDouble()).isEqualTo(2);
    assertThat(document.get("stride.http.server.requests.sum").asDouble()).isEqualTo(40);
    assertThat(document.get("stride.http.server.requests.max").asDouble()).isEqualTo(30);
    JsonNode directive = document.get("_aws").get("CloudWatchMetrics").get(0);
    assertThat(directive.get("Namespace").asString()).isEqualTo("Stride/Test");
    assertThat(names(directive.get("Dimensions").get(0)))
        .containsExactlyInAnyOrder("region", "function", "operation", "status_class");
    assertThat(document.get("operation").asString()).isEqualTo("getMyProfile");
    assertThat(document.get("_aws").get("Timestamp").asLong()).isEqualTo(clock.wallTime());
    Map<String, String> units = new java.util.HashMap<>();
    directive
        .get("Metrics")
        .forEach(m -> units.put(m.get("Name").asString(), m.get("Unit").asString()));
    assertThat(units)
        .containsEntry("stride.http.server.requests.count", "Count")
        .containsEntry("stride.http.server.requests.sum", "Milliseconds")
        .containsEntry("stride.http.server.requests.max", "Milliseconds");
  }

  @Test
  void publish_writesCountersAndGauges_andLeavesIdleCountersOut() {
    Counter.builder("stride.ratelimit.limited")
        .tag("route_class", "auth")
        .register(registry)
        .increment(3);
    Counter.builder("stride.http.server.errors").tag("operation", "x").register(registry);
    AtomicInteger state = new AtomicInteger(2);
    Gauge.builder("stride.breaker.state", state, AtomicInteger::get)
        .tag("dependency", "directory")
        .register(registry);
    clock.add(STEP);

    registry.publish();

    assertThat(
            single(documentsWith("stride.ratelimit.limited"))
                .get("stride.ratelimit.limited")
                .asDouble())
        .isEqualTo(3);
    assertThat(single(documentsWith("stride.breaker.state")).get("dependency").asString())
        .isEqualTo("directory");
    assertThat(documentsWith("stride.http.server.errors")).isEmpty();
    assertThat(lines).allSatisfy(EmfMeterRegistryTest::assertValidEmf);
  }

  @Test
  void publish_splitsMoreThan100MetricsOfOneDimensionSet_andDropsNonFiniteValues() {
    for (int i = 0; i < 150; i++) {
      Gauge.builder("g" + i, () -> 1.0).tag("region", "us").register(registry);
    }
    Gauge.builder("not.a.number", () -> Double.NaN).tag("region", "us").register(registry);
    clock.add(STEP);

    registry.publish();

    assertThat(lines).hasSize(2).allSatisfy(EmfMeterRegistryTest::assertValidEmf);
    int metrics = 0;
    for (String line : lines) {
      JsonNode document = Json.mapper().readTree(line);
      metrics += document.get("_aws").get("CloudWatchMetrics").get(0).get("Metrics").size();
      assertThat(document.has("not.a.number")).isFalse();
    }
    assertThat(metrics).isEqualTo(150);
  }

  @Test
  void publish_writesAMeterWithoutTags_withAnEmptyDimensionSet() {
    Counter.builder("stride.cold.starts").register(registry).increment();
    clock.add(STEP);

    registry.publish();

    JsonNode directive =
        single(lines.stream().map(Json.mapper()::readTree).toList())
            .get("_aws")
            .get("CloudWatchMetrics")
            .get(0);
    assertThat(directive.get("Dimensions").size()).isEqualTo(1);
    assertThat(directive.get("Dimensions").get(0).size()).isZero();
    assertThat(lines).allSatisfy(EmfMeterRegistryTest::assertValidEmf);
  }

  @Test
  void fromEnv_readsNamespaceAndStep_withDefaults() {
    EmfConfig defaults = EmfConfig.fromEnv(new Env(Map.of()));
    EmfConfig set =
        EmfConfig.fromEnv(
            new Env(
                Map.of(
                    "STRIDE_METRICS_NAMESPACE", "Stride/eu", "STRIDE_METRICS_STEP_SECONDS", "10")));

    assertThat(defaults.namespace()).isEqualTo("Stride");
    assertThat(defaults.step()).isEqualTo(Duration.ofMinutes(1));
    assertThat(set.namespace()).isEqualTo("Stride/eu");
    assertThat(set.step()).isEqualTo(Duration.ofSeconds(10));
  }

  private static void assertValidEmf(String line) {
    assertThat(line).doesNotContain("\n");
    JsonNode root = Json.mapper().readTree(line);
    assertThat(root.isObject()).isTrue();
    JsonNode aws = root.get("_aws");
    assertThat(aws.isObject()).isTrue();
    assertThat(aws.get("Timestamp").isIntegralNumber()).isTrue();
    JsonNode directives = aws.get("CloudWatchMetrics");
    assertThat(directives.isArray()).isTrue();
    assertThat(directives.size()).isPositive();
    for (JsonNode directive : directives) {
      assertThat(directive.get("Namespace").isString()).isTrue();
      assertThat(directive.get("Namespace").asString()).hasSizeBetween(1, 255);
      JsonNode dimensionSets = directive.get("Dimensions");
      assertThat(dimensionSets.isArray()).isTrue();
      assertThat(dimensionSets.size()).isPositive();
      for (JsonNode set : dimensionSets) {
        assertThat(set.isArray()).isTrue();
        assertThat(set.size()).isLessThanOrEqualTo(30);
        for (JsonNode key : set) {
          assertThat(root.get(key.asString()).isString()).as("dimension %s", key).isTrue();
        }
      }
      JsonNode metrics = directive.get("Metrics");
      assertThat(metrics.isArray()).isTrue();
      assertThat(metrics.size()).isBetween(1, 100);
      Set<String> seen = new HashSet<>();
      for (JsonNode metric : metrics) {
        String name = metric.get("Name").asString();
        assertThat(seen.add(name)).isTrue();
        assertThat(name).hasSizeBetween(1, 255);
        assertThat(UNITS).contains(metric.get("Unit").asString());
        assertThat(root.get(name).isNumber()).as("metric %s", name).isTrue();
      }
    }
  }

  private List<JsonNode> documentsWith(String member) {
    return lines.stream().map(Json.mapper()::readTree).filter(d -> d.has(member)).toList();
  }

  private static JsonNode single(List<JsonNode> documents) {
    assertThat(documents).hasSize(1);
    assertValidEmf(documents.get(0).toString());
    return documents.get(0);
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asString()));
    return names;
  }
}
