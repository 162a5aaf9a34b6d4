package app.stride.auth.throttle;

/**
 * The counter store (e.g. Redis) cannot be reached or failed. {@link FallbackAttemptCounters}
 * answers it by counting in this process. The message never names a key.
 */
public final class AttemptCountersUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, without keys
   * @param cause the store client's exception
   */
  public AttemptCountersUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
