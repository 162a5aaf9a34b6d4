package app.stride.core.function;

import app.stride.core.auth.Principal;
import app.stride.core.http.ApiRequest;
import app.stride.core.openapi.Operation;
import java.util.Map;
import java.util.Optional;

/**
 * A check an {@link ApiFunction} runs on every routed call after authentication and before body
 * validation and the handler: the edge's rate limits, for instance. It either refuses the call by
 * throwing a {@link app.stride.core.problem.ProblemException} (whose headers, such as {@code
 * Retry-After}, go on the problem answer) or admits it and returns the headers the final response
 * carries, whatever its status (e.g. {@code RateLimit} and {@code RateLimit-Policy}).
 *
 * <p>When the caller of a secured operation fails authentication, the guard still runs, without a
 * principal, before the 401 is answered: a flood of forged tokens spends the caller's IP budget
 * like any other request.
 */
@FunctionalInterface
public interface CallGuard {
  /** The guard that admits everything and adds no header. */
  CallGuard NONE = (request, operation, caller) -> Map.of();

  /**
   * Admits or refuses one call.
   *
   * @param request the raw request (its body not yet validated)
   * @param operation the spec operation it was routed to
   * @param caller the verified caller; empty on an unsecured operation or when authentication
   *     failed
   * @return the headers to add to the response; never null
   * @throws app.stride.core.problem.ProblemException to refuse the call
   */
  Map<String, String> admit(ApiRequest request, Operation operation, Optional<Principal> caller);
}
