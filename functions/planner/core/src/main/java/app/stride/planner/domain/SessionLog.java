package app.stride.planner.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * What the user did about one session: done (with the linked workout, if any), skipped, or moved to
 * another day. A session without a log is planned on its computed date.
 *
 * @param status done, skipped or moved
 * @param date the session's day: the day it was planned on when marked done or skipped, the new day
 *     when moved. Fixed from then on, whatever later pauses do
 * @param workoutId the recorded workout that completed it, or null
 * @param at when the user said so
 */
public record SessionLog(Status status, LocalDate date, String workoutId, Instant at) {
  /** The logged outcomes. */
  public enum Status {
    DONE,
    SKIPPED,
    MOVED;

    /** The wire name, lower-case. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SessionLog {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(at, "at");
    if (workoutId != null && status != Status.DONE) {
      throw new IllegalArgumentException("only a done session links a workout");
    }
  }
}
