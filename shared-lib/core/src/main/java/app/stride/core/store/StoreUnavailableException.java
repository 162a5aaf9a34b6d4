package app.stride.core.store;

import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import java.util.Map;

/**
 * A store or transport could not be reached or answered with a server error. Answers {@code 503
 * store-unavailable} with {@code Retry-After}; the cause is logged, never sent to the client.
 */
public class StoreUnavailableException extends ProblemException {
  private static final long serialVersionUID = 1L;

  /** Seconds a client should wait before retrying. */
  public static final String RETRY_AFTER_SECONDS = "2";

  public StoreUnavailableException(String what, Throwable cause) {
    super(
        Problem.of(
            ProblemType.STORE_UNAVAILABLE, "The " + what + " is unavailable; try again shortly."),
        Map.of("Retry-After", RETRY_AFTER_SECONDS),
        cause);
  }

  /**
   * The store is refused or timed out by its guard (an open circuit breaker, a full bulkhead, the
   * time limit): the client may retry after {@code retryAfterSeconds} (at least 1).
   */
  public StoreUnavailableException(String what, long retryAfterSeconds, Throwable cause) {
    super(
        Problem.of(
            ProblemType.STORE_UNAVAILABLE,
            "The " + what + " is unavailable; try again in " + seconds(retryAfterSeconds) + "."),
        Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))),
        cause);
  }

  private static String seconds(long value) {
    long at = Math.max(1, value);
    return at == 1 ? "1 second" : at + " seconds";
  }
}
