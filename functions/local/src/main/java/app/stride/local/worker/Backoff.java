package app.stride.local.worker;

import java.time.Duration;
import java.util.Objects;

/** The pause after a failed poll or invocation: doubling from {@code first} up to {@code max}. */
final class Backoff {
  private final Duration first;
  private final Duration max;
  private Duration next;

  Backoff(Duration first, Duration max) {
    this.first = Objects.requireNonNull(first, "first");
    this.max = Objects.requireNonNull(max, "max");
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 < first <= max");
    }
    this.next = first;
  }

  /** The pause to take now; the one after it is twice as long, at most {@code max}. */
  Duration next() {
    Duration now = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return now;
  }

  /** After a success: the next failure pauses {@code first} again. */
  void reset() {
    next = first;
  }
}
