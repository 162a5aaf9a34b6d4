package app.stride.devices.webhook;

import java.time.Duration;

/**
 * The limits every receiver applies.
 *
 * @param maxBodyBytes the largest body accepted (larger: 413 {@code webhook-too-large})
 * @param maxAge how old a provider timestamp may be (older: 401 {@code webhook-stale})
 * @param maxFutureSkew how far ahead of our clock a provider timestamp may be
 */
public record WebhookPolicy(int maxBodyBytes, Duration maxAge, Duration maxFutureSkew) {
  /** 256 KiB: provider notifications are references, a few KiB at most. */
  public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

  public WebhookPolicy {
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
    if (maxAge.isNegative() || maxFutureSkew.isNegative()) {
      throw new IllegalArgumentException("windows must not be negative");
    }
  }

  /** 256 KiB, 15 minutes old at most, 5 minutes ahead at most. */
  public static WebhookPolicy defaults() {
    return new WebhookPolicy(DEFAULT_MAX_BODY_BYTES, Duration.ofMinutes(15), Duration.ofMinutes(5));
  }
}
