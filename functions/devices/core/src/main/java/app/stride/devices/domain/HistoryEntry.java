package app.stride.devices.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * One session in a user's training history: an imported activity, a workout recorded by hand, or
 * both when they are the same session (then the activity's numbers, and {@code workoutId} names the
 * workout).
 *
 * @param kind whether the entry is an activity or a recorded workout
 * @param id the activity's id for {@link Kind#ACTIVITY}, the workout's for {@link Kind#WORKOUT}
 * @param workoutId the recorded workout merged into an activity, null otherwise
 * @param sport the sport's wire name
 * @param startTime when it started (the history's order)
 * @param utcOffset the recording place's or the workout's zone's UTC offset, null when unknown
 * @param elapsed from start to end
 * @param distanceMeters how far, null when none
 * @param averageHeartRate the average heart rate in bpm, null when unknown
 * @param providers where an activity came from, oldest first (empty for a workout)
 */
public record HistoryEntry(
    Kind kind,
    String id,
    String workoutId,
    String sport,
    Instant startTime,
    ZoneOffset utcOffset,
    Duration elapsed,
    Double distanceMeters,
    Integer averageHeartRate,
    List<Provider> providers) {

  /** What an entry shows. */
  public enum Kind {
    ACTIVITY,
    WORKOUT;

    /** The wire name, e.g. {@code activity}. */
    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public HistoryEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sport, "sport");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(elapsed, "elapsed");
    providers = List.copyOf(providers);
  }

  /** The entry of an activity, with the recorded workout of the same session if any. */
  public static HistoryEntry of(Activity activity, WorkoutSummary sameSession) {
    ActivityData d = activity.data();
    return new HistoryEntry(
        Kind.ACTIVITY,
        activity.id().value(),
        sameSession == null ? null : sameSession.workoutId(),
        d.sport().wire(),
        d.startTime(),
        d.utcOffset(),
        d.elapsed(),
        d.distanceMeters(),
        d.stats().averageHeartRate(),
        activity.sources().stream().map(ActivitySource::provider).toList());
  }

  /** The entry of a recorded workout no activity stands for. */
  public static HistoryEntry of(WorkoutSummary workout) {
    return new HistoryEntry(
        Kind.WORKOUT,
        workout.workoutId(),
        null,
        workout.sport(),
        workout.startTime(),
        workout.utcOffset(),
        workout.duration(),
        workout.distanceMeters(),
        workout.averageHeartRate(),
        List.of());
  }
}
