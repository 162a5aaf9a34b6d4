package app.stride.workouts.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The fields of a workout its owner writes, in SI units. Optional fields are null when unset.
 * Whether the values are plausible is {@link PlausibilityRules}' call, not the constructor's.
 *
 * @param sport the sport
 * @param title a short title
 * @param startTime when the workout started, kept to whole seconds (the stores order by it)
 * @param timeZone the IANA time zone it was done in, e.g. {@code Europe/Berlin}
 * @param durationSeconds how long it lasted
 * @param distanceMeters the distance covered, in metres (one decimal)
 * @param elevationGainMeters the total climb, in metres (one decimal)
 * @param averageHeartRate the average heart rate, beats per minute
 * @param maxHeartRate the highest heart rate, beats per minute
 * @param perceivedEffort the rate of perceived exertion, 1 (very light) to 10 (maximal)
 * @param notes free text
 */
public record WorkoutDraft(
    Sport sport,
    String title,
    Instant startTime,
    String timeZone,
    long durationSeconds,
    Double distanceMeters,
    Double elevationGainMeters,
    Integer averageHeartRate,
    Integer maxHeartRate,
    Integer perceivedEffort,
    String notes) {

  public WorkoutDraft {
    Objects.requireNonNull(sport, "sport");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(timeZone, "timeZone");
    startTime = startTime.truncatedTo(ChronoUnit.SECONDS);
    distanceMeters = oneDecimal(distanceMeters);
    elevationGainMeters = oneDecimal(elevationGainMeters);
  }

  /** When the workout ended. */
  public Instant endTime() {
    return startTime.plus(Duration.ofSeconds(durationSeconds));
  }

  /** The names of the fields whose value differs in {@code other}, in declaration order. */
  public List<String> changedFields(WorkoutDraft other) {
    List<String> changed = new ArrayList<>();
    compare(changed, "sport", sport, other.sport);
    compare(changed, "title", title, other.title);
    compare(changed, "startTime", startTime, other.startTime);
    compare(changed, "timeZone", timeZone, other.timeZone);
    compare(changed, "durationSeconds", durationSeconds, other.durationSeconds);
    compare(changed, "distanceMeters", distanceMeters, other.distanceMeters);
    compare(changed, "elevationGainMeters", elevationGainMeters, other.elevationGainMeters);
    compare(changed, "averageHeartRate", averageHeartRate, other.averageHeartRate);
    compare(changed, "maxHeartRate", maxHeartRate, other.maxHeartRate);
    compare(changed, "perceivedEffort", perceivedEffort, other.perceivedEffort);
    compare(changed, "notes", notes, other.notes);
    return changed;
  }

  /**
   * A digest of every field: two requests carrying the same workout have the same fingerprint,
   * which is how a retried {@code Idempotency-Key} is told from a reused one.
   */
  public String fingerprint() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  private static void compare(List<String> changed, String name, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      changed.add(name);
    }
  }

  private static Double oneDecimal(Double value) {
    return value == null ? null : Math.round(value * 10) / 10.0;
  }
}
