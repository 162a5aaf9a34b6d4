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
}
