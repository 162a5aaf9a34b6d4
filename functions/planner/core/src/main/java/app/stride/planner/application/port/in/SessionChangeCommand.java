package app.stride.planner.application.port.in;

import app.stride.core.problem.ProblemException;
import java.time.LocalDate;

/**
 * Change one session:
 *
 * <ul>
 *   <li>{@code DONE}, optionally with the recorded workout that did it;
 *   <li>{@code SKIPPED};
 *   <li>{@code MOVE} to {@code date};
 *   <li>{@code RESET}: planned again on the plan's day (undoes done, skipped or moved).
 * </ul>
 *
 * @param action what to do
 * @param date the new day, for {@code MOVE} only
 * @param workoutId the workout, for {@code DONE} only; may be null
 */
public record SessionChangeCommand(Action action, LocalDate date, String workoutId) {
  /** The changes. */
  public enum Action {
    DONE,
    SKIPPED,
    MOVE,
    RESET
  }

  /**
   * A command from the request's {@code status}, {@code date} and {@code workoutId}: a date alone
   * or with status {@code planned} moves; status {@code planned} alone resets.
   *
   * @throws ProblemException {@code validation-failed} for a combination that means nothing
   */
  public static SessionChangeCommand of(String status, LocalDate date, String workoutId) {
    if (status == null && date == null) {
      throw ProblemException.invalid("", "give a status or a date");
    }
    if (workoutId != null && !"done".equals(status)) {
      throw ProblemException.invalid("/workoutId", "only a done session links a workout");
    }
    if (date != null && status != null && !"planned".equals(status)) {
      throw ProblemException.invalid("/date", "a date moves a planned session; drop the status");
    }
    if (date != null) {
      return new SessionChangeCommand(Action.MOVE, date, null);
    }
    return switch (status) {
      case "done" -> new SessionChangeCommand(Action.DONE, null, workoutId);
      case "skipped" -> new SessionChangeCommand(Action.SKIPPED, null, null);
      case "planned" -> new SessionChangeCommand(Action.RESET, null, null);
      default -> throw ProblemException.invalid("/status", "must be done, skipped or planned");
    };
  }
}
