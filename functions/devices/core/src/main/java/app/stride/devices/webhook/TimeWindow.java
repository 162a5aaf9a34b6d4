package app.stride.devices.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A span of time whose data changed at the provider (Google Health notifications name intervals,
 * not activity ids): the fetcher asks the provider what lies in it.
 *
 * @param start the first instant (inclusive)
 * @param end the last instant (inclusive; equal to {@code start} for an instant)
 */
public record TimeWindow(Instant start, Instant end) {
  public TimeWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("a window ends after it starts");
    }
  }

  /** How long the window lasts. */
  public Duration length() {
    return Duration.between(start, end);
  }

  /** Whether {@code [from, to]} shares at least one instant with this window. */
  public boolean overlaps(Instant from, Instant to) {
    return !to.isBefore(start) && !from.isAfter(end);
  }

  /** The smallest window holding both. */
  public TimeWindow span(TimeWindow other) {
    return new TimeWindow(
        start.isBefore(other.start) ? start : other.start,
        end.isAfter(other.end) ? end : other.end);
  }
}
