package app.stride.edge.ratelimit;

/**
 * The rate limiter's store (Redis) did not answer in time or failed. The message never names a key.
 * {@link FallbackRateLimiter} answers from this process instead.
 */
public class RateLimiterUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RateLimiterUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
