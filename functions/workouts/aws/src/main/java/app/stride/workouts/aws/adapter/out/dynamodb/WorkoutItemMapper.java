package app.stride.workouts.aws.adapter.out.dynamodb;

import app.stride.workouts.domain.Sport;
import app.stride.workouts.domain.UserId;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutDraft;
import app.stride.workouts.domain.WorkoutId;
import java.time.Instant;

/** Maps between the domain {@link Workout} and its {@link WorkoutItem}. */
final class WorkoutItemMapper {
  private WorkoutItemMapper() {}

  /** The sort key of the history index: start instant, then id, so it is unique and ordered. */
  static String startKey(Instant startTime, WorkoutId id) {
    return startTime + "#" + id.value();
  }

  static WorkoutItem toItem(Workout w) {
    WorkoutDraft d = w.draft();
    WorkoutItem item = new WorkoutItem();
    item.setUserId(w.userId().value());
    item.setWorkoutId(w.id().value());
    item.setStartKey(startKey(d.startTime(), w.id()));
    item.setSport(d.sport().wire());
    item.setTitle(d.title());
    item.setStartTime(d.startTime().toString());
    item.setTimeZone(d.timeZone());
    item.setDurationSeconds(d.durationSeconds());
    item.setDistanceMeters(d.distanceMeters());
    item.setElevationGainMeters(d.elevationGainMeters());
    item.setAverageHeartRate(d.averageHeartRate());
    item.setMaxHeartRate(d.maxHeartRate());
    item.setPerceivedEffort(d.perceivedEffort());
    item.setNotes(d.notes());
    item.setVersion(w.version());
    item.setRecordedAt(w.recordedAt().toString());
    item.setUpdatedAt(w.updatedAt().toString());
    return item;
  }

  static Workout toDomain(WorkoutItem item) {
    WorkoutDraft draft =
        new WorkoutDraft(
            Sport.fromWire(item.getSport()),
            item.getTitle(),
            Instant.parse(item.getStartTime()),
            item.getTimeZone(),
            item.getDurationSeconds(),
            item.getDistanceMeters(),
            item.getElevationGainMeters(),
            item.getAverageHeartRate(),
            item.getMaxHeartRate(),
            item.getPerceivedEffort(),
            item.getNotes());
    return new Workout(
        new WorkoutId(item.getWorkoutId()),
        new UserId(item.getUserId()),
        draft,
        item.getVersion(),
        Instant.parse(item.getRecordedAt()),
        Instant.parse(item.getUpdatedAt()));
  }
}
