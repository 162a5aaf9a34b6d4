package app.stride.edge.resilience;

import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import java.util.Map;

/**
 * The {@code 503 dependency-unavailable} problems an outbound call answers with when it has no
 * fallback. The detail never names the dependency (clients need not learn which provider we use);
 * logs and metrics do.
 */
final class Unavailable {
  /** Retry-After, in seconds, when the wait is not known (bulkhead full, timeout, failure). */
  static final long SHORT_RETRY_AFTER_SECONDS = 2;

  private Unavailable() {}

  static ProblemException breakerOpen(long retryAfterSeconds, Throwable cause) {
    return problem(
        "A service this request needs is failing; try again in "
            + retryAfterSeconds
            + (retryAfterSeconds == 1 ? " second." : " seconds."),
        retryAfterSeconds,
        cause);
  }

  static ProblemException busy(Throwable cause) {
    return problem(
        "A service this request needs is at capacity; try again shortly.",
        SHORT_RETRY_AFTER_SECONDS,
        cause);
  }

  static ProblemException timedOut(Throwable cause) {
    return problem(
        "A service this request needs did not answer in time; try again shortly.",
        SHORT_RETRY_AFTER_SECONDS,
        cause);
  }

  static ProblemException failed(Throwable cause) {
    return problem(
        "A service this request needs could not be reached; try again shortly.",
        SHORT_RETRY_AFTER_SECONDS,
        cause);
  }

  private static ProblemException problem(String detail, long retryAfter, Throwable cause) {
    return new ProblemException(
        Problem.of(ProblemType.DEPENDENCY_UNAVAILABLE, detail),
        Map.of("Retry-After", Long.toString(retryAfter)),
        cause);
  }
}
