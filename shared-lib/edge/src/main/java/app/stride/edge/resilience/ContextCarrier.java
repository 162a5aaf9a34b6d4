package app.stride.edge.resilience;

/**
 * Carries thread-bound context (a trace scope, a security context) from the caller's thread to the
 * worker thread an outbound call runs on, so that, for example, an HTTP client deep in the call
 * still finds the current trace and sends {@code traceparent}. The SLF4J MDC is always carried; add
 * one carrier per other kind of context with {@link OutboundCalls.Builder#carry}.
 *
 * <p>For the edge's trace scope ({@code app.stride.edge.observability.TraceScope}):
 *
 * <pre>{@code
 * ContextCarrier traces = () -> {
 *   Optional<TraceScope> caller = TraceScope.current();   // on the caller's thread
 *   return () -> caller                                   // on the worker
 *       .<AutoCloseable>map(s -> TraceScope.open(s.context(), s.requestId(), s.service()))
 *       .orElse(() -> {});
 * };
 * }</pre>
 */
@FunctionalInterface
public interface ContextCarrier {
  /** Called on the caller's thread: captures the context and answers how to restore it. */
  Restorer capture();

  /** Restores a captured context on the worker thread, for the duration of one call. */
  @FunctionalInterface
  interface Restorer {
    /** Called on the worker before the call; the answer is closed after it, even on failure. */
    AutoCloseable restore() throws Exception;
  }
}
