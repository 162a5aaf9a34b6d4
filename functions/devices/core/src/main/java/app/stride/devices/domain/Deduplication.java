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
    return sameWorkout(
        a.startTime(),
        a.elapsed(),
        a.distanceMeters(),
        b.startTime(),
        b.elapsed(),
        b.distanceMeters());
  }

  /**
   * Whether a recorded workout and an activity are one session, by the same rules as two
   * activities: what the history uses to show them as one entry.
   */
  public static boolean sameWorkout(WorkoutSummary workout, ActivityData activity) {
    return sameWorkout(
        workout.startTime(),
        workout.duration(),
        workout.distanceMeters(),
        activity.startTime(),
        activity.elapsed(),
        activity.distanceMeters());
  }

  /** How long two spans overlap (zero when they do not). */
  public static Duration overlap(
      Instant startA, Duration elapsedA, Instant startB, Duration elapsedB) {
    Instant start = later(startA, startB);
    Instant end = earlier(startA.plus(elapsedA), startB.plus(elapsedB));
    return start.isBefore(end) ? Duration.between(start, end) : Duration.ZERO;
  }

  private static boolean sameWorkout(
      Instant startA,
      Duration elapsedA,
      Double distanceA,
      Instant startB,
      Duration elapsedB,
      Double distanceB) {
    return overlapsEnough(startA, elapsedA, startB, elapsedB)
        && distancesAgree(distanceA, distanceB);
  }

  private static boolean overlapsEnough(
      Instant startA, Duration elapsedA, Instant startB, Duration elapsedB) {
    Instant start = later(startA, startB);
    Instant end = earlier(startA.plus(elapsedA), startB.plus(elapsedB));
    long overlap = Duration.between(start, end).toMillis();
    long shorter = Math.min(elapsedA.toMillis(), elapsedB.toMillis());
    if (shorter <= 0) {
      return startA.equals(startB);
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
