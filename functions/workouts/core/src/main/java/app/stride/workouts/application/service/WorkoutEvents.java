package app.stride.workouts.application.service;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.events.CloudEvent;
import app.stride.events.EventCodec;
import app.stride.events.workout.v1.WorkoutDeleted;
import app.stride.events.workout.v1.WorkoutRecorded;
import app.stride.events.workout.v1.WorkoutUpdated;
import app.stride.workouts.domain.UserId;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutDraft;
import app.stride.workouts.domain.WorkoutId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds the {@code app.stride.workout.v1.*} event of a change, ready for the outbox. */
final class WorkoutEvents {
  private final EventCodec codec = new EventCodec();
  private final RegionId region;

  WorkoutEvents(RegionId region) {
    this.region = region;
  }

  OutboundEvent recorded(Workout w) {
    WorkoutDraft d = w.draft();
    WorkoutRecorded data =
        new WorkoutRecorded(
            w.id().value(),
            w.userId().value(),
            region.value(),
            w.version(),
            d.sport().wire(),
            d.startTime(),
            d.timeZone(),
            d.durationSeconds(),
            d.distanceMeters(),
            d.elevationGainMeters(),
            w.updatedAt());
    String id = newId();
    return outbound(id, WorkoutRecorded.TYPE, w.userId(), WorkoutRecorded.event(id, data));
  }

  OutboundEvent updated(Workout w, List<String> changedFields) {
    WorkoutDraft d = w.draft();
    WorkoutUpdated data =
        new WorkoutUpdated(
            w.id().value(),
            w.userId().value(),
            region.value(),
            w.version(),
            d.sport().wire(),
            d.startTime(),
            d.timeZone(),
            d.durationSeconds(),
            d.distanceMeters(),
            d.elevationGainMeters(),
            changedFields,
            w.updatedAt());
    String id = newId();
    return outbound(id, WorkoutUpdated.TYPE, w.userId(), WorkoutUpdated.event(id, data));
  }

  OutboundEvent deleted(UserId userId, WorkoutId workoutId, long version, Instant at) {
    WorkoutDeleted data =
        new WorkoutDeleted(workoutId.value(), userId.value(), region.value(), version, at);
    String id = newId();
    return outbound(id, WorkoutDeleted.TYPE, userId, WorkoutDeleted.event(id, data));
  }

  private OutboundEvent outbound(String id, String type, UserId subject, CloudEvent<?> event) {
    return new OutboundEvent(id, type, subject.value(), codec.encodeToBytes(event));
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
