package app.stride.edge.observability;

import app.stride.core.http.ApiRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * W3C Trace Context over HTTP: continue the caller's trace from an {@link ApiRequest} (or start a
 * new one when its {@code traceparent} is missing or invalid) and name the current span as parent
 * on outbound calls.
 *
 * <pre>{@code
 * try (TraceScope scope = HttpTracing.open(request, service)) {
 *   ... // logs carry traceId/spanId/requestId/region/function in the MDC
 *   httpRequest.headers(HttpTracing.outboundHeaders());
 * }
 * }</pre>
 */
public final class HttpTracing {
  private HttpTracing() {}

  /** This hop's context: a child of the request's {@code traceparent}, or a new root. */
  public static TraceContext extract(ApiRequest request) {
    return TraceContext.continueOrStart(
        request.header(TraceContext.TRACEPARENT).orElse(null),
        request.header(TraceContext.TRACESTATE).orElse(null));
  }

  /** Extracts the request's context and makes it current, with the request id, on this thread. */
  public static TraceScope open(ApiRequest request, ServiceIdentity service) {
    return TraceScope.open(extract(request), request.requestId(), service);
  }

  /**
   * The trace headers for an outbound call made within {@code context}: {@code traceparent} naming
   * its span as parent, and {@code tracestate} when there is one.
   */
  public static Map<String, String> headers(TraceContext context) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(TraceContext.TRACEPARENT, context.traceparent());
    context.tracestate().ifPresent(state -> headers.put(TraceContext.TRACESTATE, state));
    return headers;
  }

  /**
   * The trace headers for an outbound call from the current {@link TraceScope}; empty outside any
   * scope (the callee then starts its own trace).
   */
  public static Map<String, String> outboundHeaders() {
    return TraceScope.current().map(scope -> headers(scope.context())).orElse(Map.of());
  }
}
