package app.stride.planner.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's plan with its template and dated sessions, as of {@code today} in the plan's zone.
 *
 * @param plan the stored plan
 * @param template the template version it follows
 * @param sessions its sessions, dated
 * @param today the day it is in the plan's time zone
 */
public record ScheduledPlan(
    MyPlan plan, PlanTemplate template, List<DatedSession> sessions, LocalDate today) {
  public ScheduledPlan {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(today, "today");
    sessions = List.copyOf(sessions);
  }

  /** Schedules {@code plan} on {@code today}. */
  public static ScheduledPlan of(PlanTemplate template, MyPlan plan, LocalDate today) {
    return new ScheduledPlan(plan, template, Scheduler.sessions(template, plan), today);
  }

  /** The last session's day; empty while a pause suspends sessions. */
  public Optional<LocalDate> endDate() {
    if (sessions.stream().anyMatch(s -> !s.isDated())) {
      return Optional.empty();
    }
    return sessions.stream().map(DatedSession::date).max(LocalDate::compareTo);
  }

  /** The race's day; empty for a plan without a race or while it is suspended. */
  public Optional<LocalDate> raceDate() {
    return sessions.stream()
        .filter(s -> s.session().type() == SessionType.RACE)
        .map(DatedSession::date)
        .filter(Objects::nonNull)
        .findFirst();
  }

  /** Active, paused, abandoned, or finished (active and past its last session). */
  public String statusName() {
    if (plan.status() == PlanStatus.ACTIVE
        && endDate().map(end -> end.isBefore(today)).orElse(false)) {
      return "finished";
    }
    return plan.status().wireName();
  }

  /** How many sessions are in {@code state} today. */
  public long count(DatedSession.State state) {
    return sessions.stream().filter(s -> s.state(today) == state).count();
  }

  /** The session {@code id} names, if the plan has it on the user's days a week. */
  public Optional<DatedSession> session(SessionId id) {
    return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
