package app.stride.edge.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * The edge's request meters, tagged with the serving {@code region} and {@code function}: a request
 * timer with a percentile histogram and a server-error counter. Rate limits count their own
 * decisions ({@code stride.ratelimit.decisions}, edge {@code ratelimit}) and breakers publish their
 * own state ({@code stride.breaker.state}, edge {@code resilience}), one source each. Any {@link
 * MeterRegistry} works: {@code SimpleMeterRegistry} in tests, the CloudWatch EMF registry
 * (shared-aws) or the Cloud Monitoring one (shared-gcp) in the clouds.
 */
public final class EdgeMetrics {
  /** Request timer: tags region, function, operation, status_class. */
  public static final String REQUESTS = "stride.http.server.requests";

  /** Responses with a 5xx status: tags region, function, operation, status_class. */
  public static final String ERRORS = "stride.http.server.errors";

  /** The histogram's range: buckets outside it would only cost series. */
  static final Duration MIN_EXPECTED = Duration.ofMillis(1);

  static final Duration MAX_EXPECTED = Duration.ofSeconds(30);

  private final MeterRegistry registry;
  private final Tags serviceTags;

  public EdgeMetrics(MeterRegistry registry, ServiceIdentity service) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.serviceTags = Tags.of("region", service.region(), "function", service.function());
  }

  /**
   * Records one answered request.
   *
   * @param operationId the spec's operationId, null before routing ({@code unknown})
   * @param status the response status
   * @param latency receipt to response
   */
  public void recordRequest(String operationId, int status, Duration latency) {
    Tags tags =
        serviceTags.and(
            "operation",
            operationId == null ? RequestLogLine.UNKNOWN_OPERATION : operationId,
            "status_class",
            statusClass(status));
    Timer.builder(REQUESTS)
        .description("Requests answered by the edge, by operation and status class")
        .tags(tags)
        .publishPercentileHistogram()
        .minimumExpectedValue(MIN_EXPECTED)
        .maximumExpectedValue(MAX_EXPECTED)
        .register(registry)
        .record(latency);
    if (status >= 500) {
      Counter.builder(ERRORS)
          .description("Requests answered with a server error")
          .tags(tags)
          .register(registry)
          .increment();
    }
  }

  /** {@code 2xx}, {@code 4xx}, ...; {@code other} outside 100-599. */
  static String statusClass(int status) {
    return status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
  }
}
