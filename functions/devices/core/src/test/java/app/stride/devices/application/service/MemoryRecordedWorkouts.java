package app.stride.devices.application.service;

import app.stride.core.region.RegionId;
import app.stride.devices.application.port.out.RecordedWorkouts;
import app.stride.devices.domain.UserId;
import app.stride.devices.domain.WorkoutSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An in-memory {@link RecordedWorkouts} for use-case tests (the adapters have their own ITs against
 * the workouts capability's real store layout). Counts its reads.
 */
public final class MemoryRecordedWorkouts implements RecordedWorkouts {
  private record Owned(UserId owner, WorkoutSummary workout) {}

  private final List<Owned> workouts = new ArrayList<>();

  /** How many times the history read workouts. */
  public int reads;

  /** Adds a workout of {@code owner}. */
  public MemoryRecordedWorkouts add(UserId owner, WorkoutSummary workout) {
    workouts.add(new Owned(owner, workout));
    return this;
  }

  @Override
  public List<WorkoutSummary> startingBetween(
      UserId userId, Instant from, Instant to, int limit, RegionId home) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit");
    }
    reads++;
    return workouts.stream()
        .filter(o -> o.owner().equals(userId))
        .map(Owned::workout)
        .filter(w -> !w.startTime().isBefore(from) && w.startTime().isBefore(to))
        .sorted(
            Comparator.comparing(WorkoutSummary::startTime)
                .thenComparing(WorkoutSummary::workoutId)
                .reversed())
        .limit(limit)
        .toList();
  }
}
