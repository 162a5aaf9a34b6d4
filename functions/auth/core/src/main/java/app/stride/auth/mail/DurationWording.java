package app.stride.auth.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * Words a duration the way a reader expects: whole minutes, rounded up, up to 90 minutes; whole
 * hours above that (rounded up) or when the minutes are a whole number of hours.
 */
final class DurationWording {
  private DurationWording() {}

  static String of(Duration duration, MailCopy copy) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive");
    }
    long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
    long minutes = Math.max(1, ceilDiv(seconds, 60));
    if (minutes % 60 == 0) {
      return copy.hours(minutes / 60);
    }
    if (minutes > 90) {
      return copy.hours(ceilDiv(minutes, 60));
    }
    return copy.minutes(minutes);
  }

  private static long ceilDiv(long dividend, long divisor) {
    return -Math.floorDiv(-dividend, divisor);
  }
}
