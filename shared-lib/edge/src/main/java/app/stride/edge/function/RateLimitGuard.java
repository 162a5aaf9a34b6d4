package app.stride.edge.function;

import app.stride.core.auth.Principal;
import app.stride.core.function.CallGuard;
import app.stride.core.http.ApiRequest;
import app.stride.core.openapi.Operation;
import app.stride.edge.ratelimit.EdgeRateLimits;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The edge's rate limits as an {@code ApiFunction} guard: one {@link EdgeRateLimits#check} per
 * routed call, keyed by the operation, the method, the verified caller's user id (when there is
 * one) and the source IP. A refusal is the 429 {@code rate-limited} problem with {@code
 * Retry-After}, {@code RateLimit} and {@code RateLimit-Policy}; an admitted call carries the last
 * two on its response.
 */
public final class RateLimitGuard implements CallGuard {
  private final EdgeRateLimits limits;

  public RateLimitGuard(EdgeRateLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  @Override
  public Map<String, String> admit(
      ApiRequest request, Operation operation, Optional<Principal> caller) {
    return limits
        .check(
            operation.operationId(),
            request.method(),
            caller.map(Principal::userId),
            request.sourceIp())
        .orThrow()
        .headers();
  }
}
