/**
 * Observability building blocks of the edge, cloud-neutral.
 *
 * <ul>
 *   <li>W3C Trace Context: {@link app.stride.edge.observability.TraceContext} (parse, new root,
 *       child), made current per call by {@link app.stride.edge.observability.TraceScope} (SLF4J
 *       MDC: traceId, spanId, requestId, region, function).
 *   <li>Propagation: {@link app.stride.edge.observability.HttpTracing} for {@code ApiRequest}s and
 *       outbound HTTP, {@link app.stride.edge.observability.EventTracing} for CloudEvents (the
 *       distributed-tracing extension's {@code traceparent}) and queue messages.
 *   <li>One structured JSON line per request: {@link app.stride.edge.observability.RequestLogLine},
 *       written by {@link app.stride.edge.observability.RequestLog} to standard output, the whole
 *       line the JSON object; nothing from headers or bodies.
 *   <li>Micrometer meters: {@link app.stride.edge.observability.EdgeMetrics}; {@link
 *       app.stride.edge.observability.RequestObserver} ties scope, log line and metrics together.
 * </ul>
 *
 * <p>The clouds' metric outputs live in {@code app.stride.aws.metrics} (CloudWatch EMF) and {@code
 * app.stride.gcp.metrics} (Cloud Monitoring).
 */
package app.stride.edge.observability;
