package app.stride.testkit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A UTC clock a test moves by hand; thread-safe. */
public final class MutableClock extends Clock {
  private final AtomicLong millis;

  /** Starts at 2026-11-26T08:00:00Z. */
  public MutableClock() {
    this(Instant.parse("2026-11-26T08:00:00Z"));
  }

  /** Starts at {@code start}. */
  public MutableClock(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  /** Moves the time forward by {@code duration}. */
  public void advance(Duration duration) {
    millis.addAndGet(duration.toMillis());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (ZoneOffset.UTC.equals(zone)) {
      return this;
    }
    throw new UnsupportedOperationException("a MutableClock is always UTC");
  }
}
