package app.stride.edge.observability;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Observes HTTP calls end to end: the trace scope (MDC) for the call, then one {@link
 * RequestLogLine} and one {@link EdgeMetrics#recordRequest} per request, a handler that throws
 * counted as a 500.
 *
 * <pre>{@code
 * RequestObserver observer = new RequestObserver(service, new EdgeMetrics(registry, service));
 * Function<ApiRequest, ApiResponse> observed = observer.around(apiFunction, operationOf);
 * }</pre>
 */
public final class RequestObserver {
  private final ServiceIdentity service;
  private final EdgeMetrics metrics;
  private final Consumer<RequestLogLine> log;
  private final LongSupplier nanoTime;

  /**
   * Writes request lines to standard output ({@link RequestLog}), times with {@link
   * System#nanoTime()}.
   */
  public RequestObserver(ServiceIdentity service, EdgeMetrics metrics) {
    this(service, metrics, new RequestLog()::write, System::nanoTime);
  }

  /**
   * @param log where request lines go ({@code new RequestLog()::write} in production)
   * @param nanoTime the monotonic clock latency is measured on
   */
  public RequestObserver(
      ServiceIdentity service,
      EdgeMetrics metrics,
      Consumer<RequestLogLine> log,
      LongSupplier nanoTime) {
    this.service = Objects.requireNonNull(service, "service");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.log = Objects.requireNonNull(log, "log");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /**
   * Wraps a handler: every call runs in its trace scope and is logged and measured once.
   *
   * @param next the handler (a capability's {@code ApiFunction}, or the gateway's dispatch)
   * @param operationOf the request's operationId, null when no route matches
   */
  public Function<ApiRequest, ApiResponse> around(
      Function<ApiRequest, ApiResponse> next, Function<ApiRequest, String> operationOf) {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(operationOf, "operationOf");
    return request -> {
      try (ObservedRequest call = start(request)) {
        call.operation(operationOf.apply(request));
        return call.complete(next.apply(request));
      }
    };
  }

  /** Starts observing one request; close the result in a try-with-resources block. */
  public ObservedRequest start(ApiRequest request) {
    return new ObservedRequest(request, HttpTracing.open(request, service), nanoTime.getAsLong());
  }

  /** One request being observed. */
  public final class ObservedRequest implements AutoCloseable {
    private final ApiRequest request;
    private final TraceScope scope;
    private final long startNanos;
    private String operationId;
    private boolean recorded;

    private ObservedRequest(ApiRequest request, TraceScope scope, long startNanos) {
      this.request = request;
      this.scope = scope;
      this.startNanos = startNanos;
    }

    /** The call's trace scope. */
    public TraceScope scope() {
      return scope;
    }

    /** Names the operation once routed. */
    public void operation(String operationId) {
      this.operationId = operationId;
    }

    /** Logs and measures the answer, once, and returns it unchanged. */
    public ApiResponse complete(ApiResponse response) {
      record(response.status());
      return response;
    }

    /** Closes the scope; a request never completed (its handler threw) is recorded as a 500. */
    @Override
    public void close() {
      try {
        record(500);
      } finally {
        scope.close();
      }
    }

    private void record(int status) {
      if (recorded) {
        return;
      }
      recorded = true;
      Duration latency = Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - startNanos));
      metrics.recordRequest(operationId, status, latency);
      log.accept(
          new RequestLogLine(
              request.requestId(),
              scope.context().traceId(),
              service.region(),
              service.function(),
              operationId,
              request.method(),
              status,
              latency.toMillis()));
    }
  }
}
