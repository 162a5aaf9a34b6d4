package app.stride.workouts.application.port.out;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.workouts.domain.UserId;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutId;

/**
 * Writes workouts with single-item conditional writes. Each write records the change's event in the
 * same item (a per-item outbox), so a crash between the write and the publish loses no event:
 * {@link WorkoutOutboxPort} finds and clears it. Every method refuses a foreign {@code home}.
 */
public interface SaveWorkoutPort {
  /**
   * Stores a new workout (version 1) with its pending event.
   *
   * @throws app.stride.core.store.VersionConflictException when a workout with this id exists
   */
  void create(Workout workout, OutboundEvent pending, RegionId home);

  /**
   * Replaces the stored workout if its version is still {@code expectedVersion}; {@code workout}
   * carries the next version.
   *
   * @throws app.stride.core.store.VersionConflictException when the stored version differs or the
   *     workout is gone
   */
  void replace(Workout workout, long expectedVersion, OutboundEvent pending, RegionId home);

  /**
   * Deletes the stored workout if its version is still {@code expectedVersion}. Every field is
   * removed at once; until the event is published a marker remains (ids, version, {@code deleted},
   * the outbox), invisible to reads and history, which {@link WorkoutOutboxPort#markPublished}
   * removes.
   *
   * @throws app.stride.core.store.VersionConflictException when the stored version differs or the
   *     workout is gone
   */
  void delete(
      UserId userId,
      WorkoutId workoutId,
      long expectedVersion,
      OutboundEvent pending,
      RegionId home);
}
