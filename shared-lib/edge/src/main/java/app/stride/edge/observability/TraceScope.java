package app.stride.edge.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.MDC;
import org.slf4j.spi.MDCAdapter;

/**
 * The trace context of the call the current thread is serving, made current for the duration of a
 * try-with-resources block: {@link #current()} returns it (publishers and HTTP clients deep in a
 * use case read it there) and the SLF4J MDC holds {@value #TRACE_ID}, {@value #SPAN_ID}, {@value
 * #REQUEST_ID}, {@value #REGION} and {@value #FUNCTION}. Closing restores what was current and in
 * the MDC before, so scopes nest.
 *
 * <p>The MDC helps only with a binding that has one: slf4j-simple, which Stride's deployables use,
 * ignores it, so {@link RequestLogLine} carries the ids itself and other log lines that must be
 * correlated should name {@link #requestId()} explicitly.
 *
 * <p>Thread-bound: work handed to another thread must open its own scope with {@link
 * #open(TraceContext, String, ServiceIdentity)} from the context it was given.
 */
public final class TraceScope implements AutoCloseable {
  /** MDC key of the trace id. */
  public static final String TRACE_ID = "traceId";

  /** MDC key of this hop's span id. */
  public static final String SPAN_ID = "spanId";

  /** MDC key of the request id (the edge's, or the message id for a queue message). */
  public static final String REQUEST_ID = "requestId";

  /** MDC key of the Stride region. */
  public static final String REGION = "region";

  /** MDC key of the function name. */
  public static final String FUNCTION = "function";

  private static final ThreadLocal<TraceScope> CURRENT = new ThreadLocal<>();

  private final TraceContext context;
  private final String requestId;
  private final ServiceIdentity service;
  private final TraceScope previous;
  private final Map<String, String> previousMdc = new LinkedHashMap<>();
  private final Thread owner;
  private final MDCAdapter mdc;
  private boolean closed;

  private TraceScope(
      TraceContext context, String requestId, ServiceIdentity service, MDCAdapter mdc) {
    this.context = Objects.requireNonNull(context, "context");
    this.requestId = requestId == null ? "" : requestId;
    this.service = Objects.requireNonNull(service, "service");
    this.previous = CURRENT.get();
    this.owner = Thread.currentThread();
    this.mdc = Objects.requireNonNull(mdc, "mdc");
  }

  /** Makes {@code context} current on this thread until the scope is closed. */
  public static TraceScope open(TraceContext context, String requestId, ServiceIdentity service) {
    return open(context, requestId, service, MDC.getMDCAdapter());
  }

  /** {@link #open(TraceContext, String, ServiceIdentity)} on the given MDC (tests). */
  static TraceScope open(
      TraceContext context, String requestId, ServiceIdentity service, MDCAdapter mdc) {
    TraceScope scope = new TraceScope(context, requestId, service, mdc);
    scope.put(TRACE_ID, context.traceId());
    scope.put(SPAN_ID, context.spanId());
    scope.put(REQUEST_ID, scope.requestId);
    scope.put(REGION, service.region());
    scope.put(FUNCTION, service.function());
    CURRENT.set(scope);
    return scope;
  }

  /** The scope open on this thread, if any. */
  public static Optional<TraceScope> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The trace context of this call. */
  public TraceContext context() {
    return context;
  }

  /** The request id this scope logs. */
  public String requestId() {
    return requestId;
  }

  /** The region and function serving the call. */
  public ServiceIdentity service() {
    return service;
  }

  private void put(String key, String value) {
    previousMdc.put(key, mdc.get(key));
    mdc.put(key, value);
  }

  /**
   * Restores the MDC values and the scope that were current when this one opened.
   *
   * @throws IllegalStateException when closed from another thread than the one that opened it
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("a trace scope must be closed on the thread that opened it");
    }
    closed = true;
    previousMdc.forEach(
        (key, value) -> {
          if (value == null) {
            mdc.remove(key);
          } else {
            mdc.put(key, value);
          }
        });
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
