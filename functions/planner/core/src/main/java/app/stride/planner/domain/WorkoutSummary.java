package app.stride.planner.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the planner reads of a recorded workout to link it to a session.
 *
 * @param workoutId the workout id ({@code w_...})
 * @param sport the workout's sport, as the workouts capability names it
 * @param startTime when it started
 * @param durationSeconds how long it took
 * @param distanceMeters how far, or null
 */
public record WorkoutSummary(
    String workoutId,
    String sport,
    Instant startTime,
    long durationSeconds,
    Double distanceMeters) {
  public WorkoutSummary {
    Objects.requireNonNull(workoutId, "workoutId");
    Objects.requireNonNull(sport, "sport");
  }
}
