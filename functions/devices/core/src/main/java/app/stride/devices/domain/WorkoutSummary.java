package app.stride.devices.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What the history reads of a workout the user recorded by hand (the workouts capability owns it;
 * devices only reads it).
 *
 * @param workoutId the workout's id ({@code w_...})
 * @param sport the sport's wire name (the same names as {@link Sport})
 * @param startTime when it started
 * @param utcOffset the offset of the workout's time zone at its start, null when none is stored
 * @param duration how long it took
 * @param distanceMeters how far, null for workouts without a distance
 * @param averageHeartRate the average heart rate in bpm, null when not recorded
 */
public record WorkoutSummary(
    String workoutId,
    String sport,
    Instant startTime,
    ZoneOffset utcOffset,
    Duration duration,
    Double distanceMeters,
    Integer averageHeartRate) {

  public WorkoutSummary {
    Objects.requireNonNull(workoutId, "workoutId");
    Objects.requireNonNull(sport, "sport");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must be >= 0");
    }
  }
}
