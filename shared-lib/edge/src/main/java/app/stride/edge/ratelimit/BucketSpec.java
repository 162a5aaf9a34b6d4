package app.stride.edge.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * The shape of one token bucket: it holds at most {@code capacity} tokens (the largest burst) and
 * gains {@code refillTokens} every {@code refillPeriod}, continuously (a fraction of a token after
 * a fraction of the period). Each admitted request takes one token.
 *
 * @param capacity the most tokens the bucket holds, 1 to {@value #MAX_TOKENS}
 * @param refillTokens the tokens gained per period, 1 to {@value #MAX_TOKENS}
 * @param refillPeriod the period, 1 ms to 1 day
 */
public record BucketSpec(int capacity, int refillTokens, Duration refillPeriod) {

  /** The largest capacity and refill accepted. */
  public static final int MAX_TOKENS = 1_000_000;

  private static final Duration MAX_PERIOD = Duration.ofDays(1);

  public BucketSpec {
    Objects.requireNonNull(refillPeriod, "refillPeriod");
    if (capacity < 1 || capacity > MAX_TOKENS) {
      throw new IllegalArgumentException("capacity must be 1 to " + MAX_TOKENS + ": " + capacity);
    }
    if (refillTokens < 1 || refillTokens > MAX_TOKENS) {
      throw new IllegalArgumentException(
          "refillTokens must be 1 to " + MAX_TOKENS + ": " + refillTokens);
    }
    if (refillPeriod.toMillis() < 1 || refillPeriod.compareTo(MAX_PERIOD) > 0) {
      throw new IllegalArgumentException("refillPeriod must be 1 ms to 1 day: " + refillPeriod);
    }
  }

  /** The period in microseconds, the time unit of the bucket arithmetic. */
  public long periodMicros() {
    return refillPeriod.toNanos() / 1_000;
  }

  /** Microseconds needed to gain {@code tokens} tokens, rounded up. */
  public long microsToGain(double tokens) {
    return (long) Math.ceil(tokens * periodMicros() / refillTokens);
  }

  /**
   * The policy window advertised in {@code RateLimit-Policy}'s {@code w}: the whole seconds an
   * empty bucket takes to fill up again, rounded up (so {@code q} tokens per {@code w} seconds
   * never overstates the sustained rate).
   */
  public long windowSeconds() {
    return Math.max(1, (microsToGain(capacity) + 999_999) / 1_000_000);
  }

  /** How long an untouched bucket takes to fill from {@code tokens} to capacity, rounded up. */
  Duration timeToFill(double tokens) {
    return Duration.ofNanos(microsToGain(Math.max(0, capacity - tokens)) * 1_000);
  }
}
