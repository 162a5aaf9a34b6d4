package app.stride.devices.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether two recordings are the same workout (e.g. a Garmin push and the Strava event for the same
 * run): their time spans overlap by at least {@value #MIN_OVERLAP_PERCENT} % of the shorter one,
 * and their distances differ by at most {@value #MAX_DISTANCE_DIFFERENCE_PERCENT} % of the longer
 * (or neither has a distance). The sport is not compared: providers map sports differently (a
 * treadmill run may arrive as "other"), and two different workouts of one person never overlap that
 * much in time.
 */
public final class Deduplication {
  /** The least overlap, as a share of the shorter span, for a match. */
  public static final int MIN_OVERLAP_PERCENT = 80;

  /** The largest distance difference, as a share of the longer distance, for a match. */
  public static final int MAX_DISTANCE_DIFFERENCE_PERCENT = 5;

  /** How far before a new activity's start a stored one may start and still match. */
  public static final Duration SEARCH_BEFORE = Duration.ofDays(1);

  private Deduplication() {}

  /** Whether {@code a} and {@code b} are one workout recorded twice. */
  public static boolean sameWorkout(ActivityData a, ActivityData b) {
    return overlapsEnough(a, b) && distancesAgree(a.distanceMeters(), b.distanceMeters());
  }

  private static boolean overlapsEnough(ActivityData a, ActivityData b) {
    Instant start = later(a.startTime(), b.startTime());
    Instant end = earlier(a.endTime(), b.endTime());
    long overlap = Duration.between(start, end).toMillis();
    long shorter = Math.min(a.elapsed().toMillis(), b.elapsed().toMillis());
    if (shorter <= 0) {
      return a.startTime().equals(b.startTime());
    }
    return overlap * 100 >= shorter * MIN_OVERLAP_PERCENT;
  }

  private static boolean distancesAgree(Double a, Double b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    double longer = Math.max(a, b);
    return longer == 0 || Math.abs(a - b) * 100 <= longer * MAX_DISTANCE_DIFFERENCE_PERCENT;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
