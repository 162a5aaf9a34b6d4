package app.stride.events.workout.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The invariants shared by the workout event payloads, checked by their compact constructors so a
 * producer cannot build an event its schema would refuse.
 */
final class WorkoutNumbers {
  /** The sports a workout event may name, as on the wire. */
  static final Set<String> SPORTS =
      Set.of(
          "running",
          "cycling",
          "swimming",
          "walking",
          "hiking",
          "yoga",
          "strength",
          "rowing",
          "other");

  private static final Pattern WORKOUT_ID = Pattern.compile("w_[0-9a-hjkmnp-tv-z]{26}");
  private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9-]{1,15}");
  private static final long MAX_DURATION_SECONDS = 172_800;

  private WorkoutNumbers() {}

  static void requireIdentity(String workoutId, String userId, String homeRegion, long version) {
    Objects.requireNonNull(workoutId, "workoutId");
    if (!WORKOUT_ID.matcher(workoutId).matches()) {
      throw new IllegalArgumentException("invalid workoutId: " + workoutId);
    }
    Objects.requireNonNull(userId, "userId");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
    Objects.requireNonNull(homeRegion, "homeRegion");
    if (!REGION.matcher(homeRegion).matches()) {
      throw new IllegalArgumentException("invalid homeRegion: " + homeRegion);
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1, was " + version);
    }
  }

  static void requireNumbers(
      String sport,
      Instant startTime,
      String timeZone,
      long durationSeconds,
      Double distanceMeters,
      Double elevationGainMeters) {
    if (!SPORTS.contains(sport)) {
      throw new IllegalArgumentException("unknown sport: " + sport);
    }
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(timeZone, "timeZone");
    if (durationSeconds < 1 || durationSeconds > MAX_DURATION_SECONDS) {
      throw new IllegalArgumentException("durationSeconds out of range: " + durationSeconds);
    }
    if (distanceMeters != null && !(distanceMeters >= 0)) {
      throw new IllegalArgumentException("distanceMeters must be >= 0");
    }
    if (elevationGainMeters != null && !(elevationGainMeters >= 0)) {
      throw new IllegalArgumentException("elevationGainMeters must be >= 0");
    }
  }

  static String source(String region) {
    return "/stride/" + region + "/workouts";
  }
}
