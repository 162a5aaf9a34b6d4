package app.stride.aws.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.step.StepMeterRegistry;
import io.micrometer.core.instrument.util.NamedThreadFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Micrometer registry that writes each step's values as CloudWatch Embedded Metric Format lines
 * (one JSON object per line, see {@link EmfDocuments}) to a sink, by default standard output, which
 * Lambda ships to CloudWatch Logs, where the metrics are extracted: no API call, no SDK.
 *
 * <p>Per step: a counter its count; a timer {@code .count}, {@code .sum} and {@code .max} (in
 * milliseconds); a distribution summary the same in its base unit; a gauge its value. Counters,
 * timers and summaries that saw nothing in the step are left out; gauges are always written.
 * Percentiles are not: a percentile histogram cannot be expressed in EMF, so p99 on CloudWatch
 * comes from the request log lines (Logs Insights) or a per-request EMF line.
 *
 * <p>On Lambda the publishing thread only runs while an invocation thaws the environment; values of
 * the last step are written by {@link #close()}, which needs a shutdown hook (Lambda runs hooks
 * only for functions with an extension).
 */
public final class EmfMeterRegistry extends StepMeterRegistry {
  private final EmfConfig config;
  private final Consumer<String> sink;

  /**
   * A registry writing to {@code sink}; call {@link #start} to publish on a schedule.
   *
   * @param sink receives one EMF JSON document per call, without a line break
   */
  public EmfMeterRegistry(EmfConfig config, Clock clock, Consumer<String> sink) {
    super(config, clock);
    this.config = config;
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** A registry writing to standard output, publishing every step from a daemon thread. */
  public static EmfMeterRegistry stdout(EmfConfig config) {
    EmfMeterRegistry registry = new EmfMeterRegistry(config, Clock.SYSTEM, System.out::println);
    registry.start(new NamedThreadFactory("emf-metrics"));
    return registry;
  }

  @Override
  protected TimeUnit getBaseTimeUnit() {
    return TimeUnit.MILLISECONDS;
  }

  @Override
  protected void publish() {
    Map<List<Tag>, List<EmfDocuments.Value>> byDimensions = new LinkedHashMap<>();
    for (Meter meter : getMeters()) {
      List<EmfDocuments.Value> values = values(meter);
      if (!values.isEmpty()) {
        byDimensions
            .computeIfAbsent(meter.getId().getTags(), tags -> new ArrayList<>())
            .addAll(values);
      }
    }
    long timestamp = clock.wallTime();
    byDimensions.forEach(
        (tags, values) ->
            EmfDocuments.write(config.namespace(), timestamp, tags, values).forEach(sink));
  }

  private List<EmfDocuments.Value> values(Meter meter) {
    String name = meter.getId().getName();
    String unit = EmfDocuments.unit(meter.getId().getBaseUnit());
    return meter.match(
        gauge -> gauge(name, unit, gauge),
        counter -> counted(name, counter.count(), "Count"),
        timer -> timed(name, timer),
        summary -> summarized(name, unit, summary),
        longTask ->
            List.of(
                EmfDocuments.value(name + ".active", "Count", longTask.activeTasks()),
                EmfDocuments.value(
                    name + ".duration", "Milliseconds", longTask.duration(TimeUnit.MILLISECONDS))),
        timeGauge ->
            List.of(
                EmfDocuments.value(name, "Milliseconds", timeGauge.value(TimeUnit.MILLISECONDS))),
        functionCounter -> counted(name, functionCounter.count(), "Count"),
        functionTimer -> functionTimed(name, functionTimer),
        other -> List.of());
  }

  private static List<EmfDocuments.Value> gauge(String name, String unit, Gauge gauge) {
    return List.of(EmfDocuments.value(name, unit, gauge.value()));
  }

  private static List<EmfDocuments.Value> counted(String name, double count, String unit) {
    return count == 0 ? List.of() : List.of(EmfDocuments.value(name, unit, count));
  }

  private static List<EmfDocuments.Value> timed(String name, Timer timer) {
    if (timer.count() == 0) {
      return List.of();
    }
    return List.of(
        EmfDocuments.value(name + ".count", "Count", timer.count()),
        EmfDocuments.value(name + ".sum", "Milliseconds", timer.totalTime(TimeUnit.MILLISECONDS)),
        EmfDocuments.value(name + ".max", "Milliseconds", timer.max(TimeUnit.MILLISECONDS)));
  }

  private static List<EmfDocuments.Value> summarized(
      String name, String unit, DistributionSummary summary) {
    if (summary.count() == 0) {
      return List.of();
    }
    return List.of(
        EmfDocuments.value(name + ".count", "Count", summary.count()),
        EmfDocuments.value(name + ".sum", unit, summary.totalAmount()),
        EmfDocuments.value(name + ".max", unit, summary.max()));
  }

  private static List<EmfDocuments.Value> functionTimed(String name, FunctionTimer timer) {
    if (timer.count() == 0) {
      return List.of();
    }
    return List.of(
        EmfDocuments.value(name + ".count", "Count", timer.count()),
        EmfDocuments.value(name + ".sum", "Milliseconds", timer.totalTime(TimeUnit.MILLISECONDS)));
  }
}
