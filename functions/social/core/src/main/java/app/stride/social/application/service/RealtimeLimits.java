package app.stride.social.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of one real-time connection.
 *
 * @param maxSubscriptions groups one connection may follow
 * @param window the rate window
 * @param maxFramesPerWindow frames one connection may send per window
 * @param maxLifetime the longest a connection lives (API Gateway closes one after two hours)
 */
public record RealtimeLimits(
    int maxSubscriptions, Duration window, int maxFramesPerWindow, Duration maxLifetime) {

  /** The production bounds: 50 groups, 30 frames per 10 seconds, two hours. */
  public static final RealtimeLimits DEFAULT =
      new RealtimeLimits(50, Duration.ofSeconds(10), 30, Duration.ofHours(2));

  public RealtimeLimits {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(maxLifetime, "maxLifetime");
    if (maxSubscriptions < 1 || maxFramesPerWindow < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
