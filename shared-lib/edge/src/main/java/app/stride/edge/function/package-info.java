/**
 * The edge as a deployable wires it around a capability's HTTP and queue functions: {@link
 * app.stride.edge.function.RateLimitGuard} (the rate limits as an {@code ApiFunction} guard),
 * {@link app.stride.edge.function.OriginVerification} (refuses callers that bypass the CDN and
 * WAF), {@link app.stride.edge.function.EdgeHttp} (guard, origin check and request observer in one
 * call) and {@link app.stride.edge.function.TracedQueueFunction} (each queue message handled in its
 * producer's trace).
 */
package app.stride.edge.function;
