package app.stride.edge.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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

  private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

  private final MeterRegistry registry;
  private final Tags serviceTags;

  /**
   * The meters of each (operation, status class) seen, registered on first use: building and
   * looking a meter up in the registry (its id, tags merged and sorted, the registry's map) on
   * every request cost more than recording into it. The key holds every tag that varies, so no
   * request is recorded under another operation's or class's meter; operations come from the spec
   * and classes are fixed, so the map stays small.
   */
  private final Map<MeterKey, RequestMeters> meters = new ConcurrentHashMap<>();

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
    MeterKey key =
        new MeterKey(
            operationId == null ? RequestLogLine.UNKNOWN_OPERATION : operationId,
            statusClass(status),
            status >= 500);
    RequestMeters requestMeters = meters.get(key);
    if (requestMeters == null) {
      requestMeters = meters.computeIfAbsent(key, this::register);
    }
    requestMeters.timer().record(latency);
    if (key.serverError()) {
      requestMeters.errors().increment();
    }
  }

  private RequestMeters register(MeterKey key) {
    Tags tags = serviceTags.and("operation", key.operation(), "status_class", key.statusClass());
    Timer timer =
        Timer.builder(REQUESTS)
            .description("Requests answered by the edge, by operation and status class")
            .tags(tags)
            .publishPercentileHistogram()
            .minimumExpectedValue(MIN_EXPECTED)
            .maximumExpectedValue(MAX_EXPECTED)
            .register(registry);
    // Registered only for server errors, as before the cache: no series that stays at zero.
    Counter errors =
        key.serverError()
            ? Counter.builder(ERRORS)
                .description("Requests answered with a server error")
                .tags(tags)
                .register(registry)
            : null;
    return new RequestMeters(timer, errors);
  }

  /**
   * What a request's meters are told apart by, besides the service's tags; {@code serverError}
   * splits the class {@code other} (under 100 or from 600 on) into the statuses that count as
   * errors and those that do not.
   */
  private record MeterKey(String operation, String statusClass, boolean serverError) {}

  /** The timer of one key and, for a server error, its error counter (else null). */
  private record RequestMeters(Timer timer, Counter errors) {}

  /** {@code 2xx}, {@code 4xx}, ...; {@code other} outside 100-599. */
  static String statusClass(int status) {
    return status >= 100 && status < 600 ? STATUS_CLASSES[status / 100 - 1] : "other";
  }
}
