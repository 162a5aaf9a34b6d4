package app.stride.workouts.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A workout as stored in its owner's home region.
 *
 * @param id the workout id
 * @param userId the owner
 * @param draft the owner's fields, in SI units
 * @param version the optimistic version, 1 on creation, +1 on every change (the ETag)
 * @param recordedAt when it was recorded
 * @param updatedAt when it last changed
 */
public record Workout(
    WorkoutId id,
    UserId userId,
    WorkoutDraft draft,
    long version,
    Instant recordedAt,
    Instant updatedAt) {

  public Workout {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
  }

  /** A new workout, version 1. */
  public static Workout record(WorkoutId id, UserId userId, WorkoutDraft draft, Instant now) {
    return new Workout(id, userId, draft, 1, now, now);
  }

  /** The next version of this workout with the draft's content. */
  public Workout revise(WorkoutDraft next, Instant now) {
    return new Workout(id, userId, next, version + 1, recordedAt, now);
  }

  /** Whether this workout's time span overlaps the span from {@code start} to {@code end}. */
  public boolean overlaps(Instant start, Instant end) {
    return draft.startTime().isBefore(end) && start.isBefore(draft.endTime());
  }

  /** The strong entity tag of this version, as sent in {@code ETag}. */
  public String etag() {
    return "\"" + version + "\"";
  }
}
