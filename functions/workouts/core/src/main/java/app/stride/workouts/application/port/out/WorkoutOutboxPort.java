package app.stride.workouts.application.port.out;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.workouts.domain.UserId;
import app.stride.workouts.domain.WorkoutId;
import java.util.List;

/** The per-item outbox: events written with a change and not yet confirmed as published. */
public interface WorkoutOutboxPort {
  /**
   * Clears the pending event {@code eventId} of a workout once it was published; removes a delete
   * marker left with nothing pending. Does nothing when the event is no longer pending.
   */
  void markPublished(UserId userId, WorkoutId workoutId, String eventId, RegionId home);

  /** Up to {@code limit} pending events of the region, oldest first, for the relay. */
  List<PendingEvent> pending(int limit, RegionId home);

  /**
   * A pending event and the workout it belongs to.
   *
   * @param userId the owner
   * @param workoutId the workout
   * @param event the event to publish
   */
  record PendingEvent(UserId userId, WorkoutId workoutId, OutboundEvent event) {}
}
