/**
 * Resilience on every outbound call: a time limit, a circuit breaker and a bulkhead per named
 * dependency (Resilience4j), with fallbacks where a degraded answer is useful and {@code 503
 * dependency-unavailable} problems with {@code Retry-After} where not.
 *
 * <ul>
 *   <li>{@link app.stride.edge.resilience.DependencyPolicy}, {@link
 *       app.stride.edge.resilience.BreakerPolicy}, {@link
 *       app.stride.edge.resilience.BulkheadPolicy}: validated settings, with defaults per {@link
 *       app.stride.edge.resilience.DependencyKind};
 *   <li>{@link app.stride.edge.resilience.OutboundCalls}: the entry point, {@code call(dependency,
 *       work[, fallback])}, and its metrics ({@code stride.breaker.state}, {@code
 *       stride.outbound.calls});
 *   <li>{@link app.stride.edge.resilience.OutboundHttp}: {@code java.net.http} calls where 5xx,
 *       connection errors and timeouts are failures and 4xx answers are not;
 *   <li>{@link app.stride.edge.resilience.CallPermit} ({@code OutboundCalls.enter}): the breaker
 *       and bulkhead on the caller's thread for clients with their own time limits, the store
 *       clients of shared-aws and shared-gcp; {@link app.stride.edge.resilience.StoreResilience}:
 *       their settings from the environment;
 *   <li>{@link app.stride.edge.resilience.GuardedResourceRetriever}: nimbus JWKS fetches;
 *   <li>{@link app.stride.edge.resilience.ResilientDirectory}: the global directory's port, the
 *       first adopter.
 * </ul>
 *
 * Depends on shared-core (problems, store exceptions, the directory port, nimbus through it),
 * Resilience4j and Micrometer only.
 */
package app.stride.edge.resilience;
