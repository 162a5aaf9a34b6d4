package app.stride.edge.resilience;

import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.store.StoreUnavailableException;
import java.util.Map;

/**
 * The {@code 503} problems an outbound call answers with when it has no fallback: {@code
 * dependency-unavailable} for APIs, {@code store-unavailable} (a {@link StoreUnavailableException})
 * for the region's data stores. The detail never names the dependency (clients need not learn which
 * provider we use); logs and metrics do.
 */
final class Unavailable {
  /** Retry-After, in seconds, when the wait is not known (bulkhead full, timeout, failure). */
  static final long SHORT_RETRY_AFTER_SECONDS = 2;

  private static final String STORE = "data store";

  private final boolean store;

  /** Problems of a data store when {@code store}, else of a dependency. */
  Unavailable(boolean store) {
    this.store = store;
  }

  ProblemException breakerOpen(long retryAfterSeconds, Throwable cause) {
    return problem(
        "A service this request needs is failing; try again in "
            + retryAfterSeconds
            + (retryAfterSeconds == 1 ? " second." : " seconds."),
        retryAfterSeconds,
        cause);
  }

  ProblemException busy(Throwable cause) {
    return problem(
        "A service this request needs is at capacity; try again shortly.",
        SHORT_RETRY_AFTER_SECONDS,
        cause);
  }

  ProblemException timedOut(Throwable cause) {
    return problem(
        "A service this request needs did not answer in time; try again shortly.",
        SHORT_RETRY_AFTER_SECONDS,
        cause);
  }

  ProblemException failed(Throwable cause) {
    return problem(
        "A service this request needs could not be reached; try again shortly.",
        SHORT_RETRY_AFTER_SECONDS,
        cause);
  }

  private ProblemException problem(String detail, long retryAfter, Throwable cause) {
    if (store) {
      return new StoreUnavailableException(STORE, retryAfter, cause);
    }
    return new ProblemException(
        Problem.of(ProblemType.DEPENDENCY_UNAVAILABLE, detail),
        Map.of("Retry-After", Long.toString(retryAfter)),
        cause);
  }
}
