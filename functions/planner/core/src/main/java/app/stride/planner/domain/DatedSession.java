package app.stride.planner.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A session of a user's plan with its day.
 *
 * @param id the session id
 * @param session the template session
 * @param plannedDate the day the plan gives it, pauses applied; null while a pause suspends it
 * @param date the day it is on: the logged day when moved, done or skipped, else {@code
 *     plannedDate}; null while suspended
 * @param log what the user logged, or null
 */
public record DatedSession(
    SessionId id, TemplateSession session, LocalDate plannedDate, LocalDate date, SessionLog log) {
  /** A session's state as the schedule shows it. */
  public enum State {
    PLANNED,
    MOVED,
    DONE,
    SKIPPED,
    MISSED,
    PAUSED;

    /** The wire name, lower-case. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public DatedSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(session, "session");
  }

  /** The state on {@code today}: a planned or moved session whose day has passed is missed. */
  public State state(LocalDate today) {
    if (log != null && log.status() == SessionLog.Status.DONE) {
      return State.DONE;
    }
    if (log != null && log.status() == SessionLog.Status.SKIPPED) {
      return State.SKIPPED;
    }
    if (date == null) {
      return State.PAUSED;
    }
    if (date.isBefore(today)) {
      return State.MISSED;
    }
    return log != null ? State.MOVED : State.PLANNED;
  }

  /** Whether the session is on a day (not suspended by a pause). */
  public boolean isDated() {
    return date != null;
  }
}
