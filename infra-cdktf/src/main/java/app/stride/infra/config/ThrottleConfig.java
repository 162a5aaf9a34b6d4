package app.stride.infra.config;

/**
 * Default route throttling of a region's HTTP API.
 *
 * @param burstLimit requests allowed in a burst
 * @param rateLimit steady requests per second
 */
public record ThrottleConfig(int burstLimit, double rateLimit) {

  /** Both limits must be positive. */
  public ThrottleConfig {
    if (burstLimit <= 0 || rateLimit <= 0) {
      throw new IllegalArgumentException("throttle limits must be positive");
    }
  }
}
