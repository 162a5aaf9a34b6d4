package app.stride.planner.application.port.in;

import app.stride.core.auth.Principal;
import app.stride.planner.domain.DatedSession;
import app.stride.planner.domain.ScheduledPlan;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A user reads the dated sessions of all their current plans. */
public interface ViewScheduleUseCase {
  /** The longest range one request may ask for, in days. */
  int MAX_RANGE_DAYS = 92;

  /**
   * The sessions dated from {@code from} to {@code to} (inclusive) of the caller's plans that are
   * not abandoned. Without {@code from}: today in the zone of the caller's most recent plan (UTC
   * without one); without {@code to}: six days after {@code from}.
   *
   * @throws app.stride.core.problem.ProblemException {@code validation-failed} when {@code to} is
   *     before {@code from} or the range is longer than {@value #MAX_RANGE_DAYS} days
   */
  Schedule schedule(Principal caller, Optional<LocalDate> from, Optional<LocalDate> to);

  /**
   * A dated range of sessions.
   *
   * @param from first day
   * @param to last day
   * @param entries the sessions in the range, by day, then plan start, then plan order
   */
  record Schedule(LocalDate from, LocalDate to, List<Entry> entries) {
    public Schedule {
      entries = List.copyOf(entries);
    }
  }

  /**
   * One session of the schedule and the plan it belongs to.
   *
   * @param plan the plan
   * @param session the session
   */
  record Entry(ScheduledPlan plan, DatedSession session) {}
}
