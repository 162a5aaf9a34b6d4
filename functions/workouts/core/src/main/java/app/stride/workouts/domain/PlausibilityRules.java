package app.stride.workouts.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a hand-recorded workout may claim: the limits below, one rule each, checked together so a
 * caller learns every broken rule at once. Each message names the limit it enforces.
 *
 * <table>
 *   <caption>Rules (pointer: limit)</caption>
 *   <tr><td>{@code /startTime}</td><td>not before {@link #EARLIEST_START}, not after now plus
 *       {@link #CLOCK_SKEW}</td></tr>
 *   <tr><td>{@code /timeZone}</td><td>an IANA time zone id the JDK knows</td></tr>
 *   <tr><td>{@code /durationSeconds}</td><td>1 s to {@link #MAX_DURATION}</td></tr>
 *   <tr><td>{@code /distance}</td><td>more than 0, none for yoga and strength, at most the sport's
 *       longest distance ({@link #limits})</td></tr>
 *   <tr><td>{@code /distance}</td><td>running: not faster than the world record pace for that
 *       distance ({@link #RUNNING_RECORDS}, interpolated on log distance); other sports: an average
 *       speed at most the sport's top speed</td></tr>
 *   <tr><td>{@code /elevationGain}</td><td>none for yoga and strength, at most the sport's steepest
 *       average grade times the distance, and at most {@link #MAX_CLIMB_METRES_PER_HOUR} per hour
 *       of duration</td></tr>
 *   <tr><td>{@code /averageHeartRate}, {@code /maxHeartRate}</td><td>{@link #MIN_HEART_RATE} to
 *       {@link #MAX_HEART_RATE} bpm; the maximum not below the average</td></tr>
 *   <tr><td>{@code /perceivedEffort}</td><td>{@link #MIN_EFFORT} to {@link #MAX_EFFORT}</td></tr>
 * </table>
 *
 * <p>Overlap with the user's other workouts needs the store and is checked by the use case.
 */
public final class PlausibilityRules {
  /** The longest workout. */
  public static final Duration MAX_DURATION = Duration.ofHours(48);

  /** How far in the future a start may be, for clocks that run ahead. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** The earliest start accepted. */
  public static final Instant EARLIEST_START = Instant.parse("1970-01-01T00:00:00Z");

  /** The lowest plausible heart rate, beats per minute. */
  public static final int MIN_HEART_RATE = 25;

  /** The highest plausible heart rate, beats per minute. */
  public static final int MAX_HEART_RATE = 250;

  /** The lowest rate of perceived exertion. */
  public static final int MIN_EFFORT = 1;

  /** The highest rate of perceived exertion. */
  public static final int MAX_EFFORT = 10;

  /** The fastest plausible climb; the vertical-kilometre record is about 2,080 m per hour. */
  public static final double MAX_CLIMB_METRES_PER_HOUR = 2500;

  /**
   * Men's running world records (road or track), the fastest anyone has covered each distance:
   * {distance in metres, time in seconds}. A run is refused when it is faster than the record pace
   * interpolated (on log distance) for its distance; beyond the longest row, that row's pace holds.
   */
  static final double[][] RUNNING_RECORDS = {
    {100, 9.58},
    {200, 19.19},
    {400, 43.03},
    {800, 100.91},
    {1000, 131.96},
    {1500, 206.00},
    {1609.344, 223.13},
    {3000, 440.67},
    {5000, 755.36},
    {10000, 1571.00},
    {21097.5, 3402},
    {42195, 7235},
    {100000, 21941},
    {319614, 86400},
  };

  /**
   * The limits of a sport with a distance.
   *
   * @param topSpeed the highest plausible average speed, metres per second (for running the records
   *     decide instead)
   * @param longestDistance the longest plausible distance of one workout, metres
   * @param steepestGrade the highest plausible elevation gain per metre of distance
   */
  public record SportLimits(double topSpeed, double longestDistance, double steepestGrade) {}

  private static final Map<Sport, SportLimits> LIMITS = new EnumMap<>(Sport.class);

  static {
    LIMITS.put(Sport.RUNNING, new SportLimits(Double.NaN, 500_000, 0.6));
    LIMITS.put(Sport.CYCLING, new SportLimits(22.0, 1_500_000, 0.25));
    LIMITS.put(Sport.SWIMMING, new SportLimits(2.5, 100_000, 0.02));
    LIMITS.put(Sport.WALKING, new SportLimits(4.5, 400_000, 0.6));
    LIMITS.put(Sport.HIKING, new SportLimits(3.5, 300_000, 0.6));
    LIMITS.put(Sport.ROWING, new SportLimits(6.5, 500_000, 0.02));
    LIMITS.put(Sport.OTHER, new SportLimits(40.0, 3_000_000, 1.0));
  }

  private PlausibilityRules() {}

  /** The limits of {@code sport}; empty limits (no distance at all) for yoga and strength. */
  public static java.util.Optional<SportLimits> limits(Sport sport) {
    return java.util.Optional.ofNullable(LIMITS.get(sport));
  }

  /** Every rule {@code draft} breaks when recorded at {@code now}; empty when it is plausible. */
  public static List<Violation> check(WorkoutDraft draft, Instant now) {
    List<Violation> violations = new ArrayList<>();
    checkStart(draft, now, violations);
    checkTimeZone(draft, violations);
    checkDuration(draft, violations);
    checkDistance(draft, violations);
    checkElevation(draft, violations);
    checkHeartRate(draft, violations);
    checkEffort(draft, violations);
    return violations;
  }

  /** The running world record pace for {@code metres}, as seconds for that distance. */
  static double recordSeconds(double metres) {
    return metres / recordSpeed(metres);
  }

  private static void checkStart(WorkoutDraft d, Instant now, List<Violation> out) {
    if (d.startTime().isAfter(now.plus(CLOCK_SKEW))) {
      out.add(
          new Violation(
              "/startTime",
              "must not be in the future (more than "
                  + CLOCK_SKEW.toMinutes()
                  + " minutes after the server's clock)"));
    }
    if (d.startTime().isBefore(EARLIEST_START)) {
      out.add(new Violation("/startTime", "must not be before " + EARLIEST_START));
    }
  }

  private static void checkTimeZone(WorkoutDraft d, List<Violation> out) {
    if (!ZoneId.getAvailableZoneIds().contains(d.timeZone())) {
      out.add(new Violation("/timeZone", "must be an IANA time zone id such as Europe/Berlin"));
    }
  }

  private static void checkDuration(WorkoutDraft d, List<Violation> out) {
    if (d.durationSeconds() < 1 || d.durationSeconds() > MAX_DURATION.toSeconds()) {
      out.add(
          new Violation(
              "/durationSeconds",
              "must be between 1 second and " + MAX_DURATION.toHours() + " hours"));
    }
  }

  private static void checkDistance(WorkoutDraft d, List<Violation> out) {
    Double metres = d.distanceMeters();
    if (metres == null) {
      return;
    }
    SportLimits limits = LIMITS.get(d.sport());
    if (limits == null) {
      out.add(new Violation("/distance", d.sport().wire() + " has no distance; leave it out"));
      return;
    }
    if (metres <= 0) {
      out.add(new Violation("/distance", "must be more than 0 m; leave it out instead"));
      return;
    }
    if (metres > limits.longestDistance()) {
      out.add(
          new Violation(
              "/distance",
              "must be at most "
                  + km(limits.longestDistance())
                  + " for one "
                  + d.sport().wire()
                  + " workout"));
      return;
    }
    if (d.durationSeconds() < 1) {
      return;
    }
    if (d.sport() == Sport.RUNNING) {
      checkRunningPace(metres, d.durationSeconds(), out);
    } else {
      double speed = metres / d.durationSeconds();
      if (speed > limits.topSpeed()) {
        out.add(
            new Violation(
                "/distance",
                "gives an average speed of "
                    + kmh(speed)
                    + ", above the "
                    + kmh(limits.topSpeed())
                    + " a "
                    + d.sport().wire()
                    + " workout can plausibly average"));
      }
    }
  }

  private static void checkRunningPace(double metres, long seconds, List<Violation> out) {
    double record = recordSeconds(metres);
    if (seconds < record) {
      out.add(
          new Violation(
              "/distance",
              km(metres)
                  + " in "
                  + clock(seconds)
                  + " is faster than the running world record pace for that distance"
                  + " (at least "
                  + clock((long) Math.ceil(record))
                  + ")"));
    }
  }

  private static void checkElevation(WorkoutDraft d, List<Violation> out) {
    Double gain = d.elevationGainMeters();
    if (gain == null) {
      return;
    }
    SportLimits limits = LIMITS.get(d.sport());
    if (limits == null) {
      out.add(
          new Violation(
              "/elevationGain", d.sport().wire() + " has no elevation gain; leave it out"));
      return;
    }
    if (gain < 0) {
      out.add(new Violation("/elevationGain", "must not be negative"));
      return;
    }
    Double metres = d.distanceMeters();
    if (metres != null && metres > 0 && gain > limits.steepestGrade() * metres) {
      out.add(
          new Violation(
              "/elevationGain",
              "must be at most "
                  + Math.round(limits.steepestGrade() * 100)
                  + "% of the distance for "
                  + d.sport().wire()
                  + " ("
                  + Math.round(limits.steepestGrade() * metres)
                  + " m over "
                  + km(metres)
                  + ")"));
      return;
    }
    double hours = d.durationSeconds() / 3600.0;
    if (gain > MAX_CLIMB_METRES_PER_HOUR * hours) {
      out.add(
          new Violation(
              "/elevationGain",
              "must be at most "
                  + Math.round(MAX_CLIMB_METRES_PER_HOUR)
                  + " m per hour of the workout's duration"));
    }
  }

  private static void checkHeartRate(WorkoutDraft d, List<Violation> out) {
    boolean averageInRange = inHeartRange(d.averageHeartRate(), "/averageHeartRate", out);
    boolean maxInRange = inHeartRange(d.maxHeartRate(), "/maxHeartRate", out);
    if (averageInRange
        && maxInRange
        && d.averageHeartRate() != null
        && d.maxHeartRate() != null
        && d.maxHeartRate() < d.averageHeartRate()) {
      out.add(
          new Violation(
              "/maxHeartRate",
              "must not be below the average heart rate (" + d.averageHeartRate() + " bpm)"));
    }
  }

  private static boolean inHeartRange(Integer bpm, String pointer, List<Violation> out) {
    if (bpm != null && (bpm < MIN_HEART_RATE || bpm > MAX_HEART_RATE)) {
      out.add(
          new Violation(
              pointer, "must be between " + MIN_HEART_RATE + " and " + MAX_HEART_RATE + " bpm"));
      return false;
    }
    return true;
  }

  private static void checkEffort(WorkoutDraft d, List<Violation> out) {
    Integer effort = d.perceivedEffort();
    if (effort != null && (effort < MIN_EFFORT || effort > MAX_EFFORT)) {
      out.add(
          new Violation(
              "/perceivedEffort", "must be between " + MIN_EFFORT + " and " + MAX_EFFORT));
    }
  }

  /** The record average speed for {@code metres}, interpolated on log distance. */
  private static double recordSpeed(double metres) {
    double[] first = RUNNING_RECORDS[0];
    if (metres <= first[0]) {
      return first[0] / first[1];
    }
    for (int i = 1; i < RUNNING_RECORDS.length; i++) {
      double[] lower = RUNNING_RECORDS[i - 1];
      double[] upper = RUNNING_RECORDS[i];
      if (metres <= upper[0]) {
        double lowerSpeed = lower[0] / lower[1];
        double upperSpeed = upper[0] / upper[1];
        double t = Math.log(metres / lower[0]) / Math.log(upper[0] / lower[0]);
        return lowerSpeed + t * (upperSpeed - lowerSpeed);
      }
    }
    double[] last = RUNNING_RECORDS[RUNNING_RECORDS.length - 1];
    return last[0] / last[1];
  }

  private static String km(double metres) {
    return String.format(Locale.ROOT, "%.3f km", metres / 1000).replaceAll("\\.?0+ km$", " km");
  }

  private static String kmh(double metresPerSecond) {
    return String.format(Locale.ROOT, "%.1f km/h", metresPerSecond * 3.6);
  }

  private static String clock(long seconds) {
    return String.format(
        Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
  }
}
