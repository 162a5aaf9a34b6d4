package app.stride.planner.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan a user follows: which template (and its version), from which day, on which weekdays, in
 * which time zone, its pauses and what the user logged per session. One stored item, changed by
 * single-item conditional writes on {@code version}.
 *
 * @param id the plan's id
 * @param userId its owner
 * @param planId the template followed
 * @param planVersion the template version followed
 * @param startDate the first day of week 1
 * @param targetDate the race day the user asked for, or null when they gave a start date
 * @param daysPerWeek days a week the user trains
 * @param preferredDays the weekdays, as many as {@code daysPerWeek}, in week order
 * @param timeZone the zone the plan's days (and "today") are counted in
 * @param status active, paused or abandoned
 * @param pauses every pause, oldest first; the last is open while paused
 * @param logs what the user logged, per session
 * @param createdAt when it was started
 * @param updatedAt when it last changed
 * @param version the optimistic version, 1 when created
 */
public record MyPlan(
    MyPlanId id,
    UserId userId,
    PlanId planId,
    int planVersion,
    LocalDate startDate,
    LocalDate targetDate,
    int daysPerWeek,
    List<DayOfWeek> preferredDays,
    ZoneId timeZone,
    PlanStatus status,
    List<Pause> pauses,
    Map<SessionId, SessionLog> logs,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public MyPlan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    preferredDays = preferredDays.stream().distinct().sorted().toList();
    pauses = List.copyOf(pauses);
    logs = Map.copyOf(logs);
    if (daysPerWeek < 1 || daysPerWeek > 7 || preferredDays.size() != daysPerWeek) {
      throw new IllegalArgumentException("one preferred day per training day");
    }
    boolean open = !pauses.isEmpty() && pauses.get(pauses.size() - 1).isOpen();
    if (status == PlanStatus.PAUSED && !open) {
      throw new IllegalArgumentException("a paused plan has an open pause");
    }
    if (pauses.stream().limit(Math.max(0, pauses.size() - 1)).anyMatch(Pause::isOpen)) {
      throw new IllegalArgumentException("only the last pause may be open");
    }
  }

  /** A new plan, version 1. */
  public static MyPlan start(
      MyPlanId id,
      UserId userId,
      PlanTemplate template,
      LocalDate startDate,
      LocalDate targetDate,
      List<DayOfWeek> preferredDays,
      ZoneId timeZone,
      Instant now) {
    return new MyPlan(
        id,
        userId,
        template.id(),
        template.version(),
        startDate,
        targetDate,
        preferredDays.size(),
        preferredDays,
        timeZone,
        PlanStatus.ACTIVE,
        List.of(),
        Map.of(),
        now,
        now,
        1);
  }

  /** The day it is in the plan's time zone at {@code now}. */
  public LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, timeZone);
  }

  /** The open pause, while paused. */
  public Optional<Pause> openPause() {
    return pauses.isEmpty() || !pauses.get(pauses.size() - 1).isOpen()
        ? Optional.empty()
        : Optional.of(pauses.get(pauses.size() - 1));
  }

  /** This plan paused from {@code today}; it must be active. */
  public MyPlan pause(LocalDate today, Instant now) {
    require(PlanStatus.ACTIVE);
    List<Pause> next = new ArrayList<>(pauses);
    next.add(new Pause(today, null));
    return with(PlanStatus.PAUSED, next, logs, now);
  }

  /** This plan resumed on {@code today}: later sessions move by the paused days. */
  public MyPlan resume(LocalDate today, Instant now) {
    require(PlanStatus.PAUSED);
    List<Pause> next = new ArrayList<>(pauses);
    Pause open = next.remove(next.size() - 1);
    next.add(new Pause(open.from(), today.isBefore(open.from()) ? open.from() : today));
    return with(PlanStatus.ACTIVE, next, logs, now);
  }

  /** This plan abandoned; its logs stay for the record. */
  public MyPlan abandon(Instant now) {
    if (status == PlanStatus.ABANDONED) {
      throw new IllegalStateException("already abandoned");
    }
    return with(PlanStatus.ABANDONED, pauses, logs, now);
  }

  /** This plan with {@code log} for session {@code id}, replacing any earlier one. */
  public MyPlan withLog(SessionId id, SessionLog log, Instant now) {
    Map<SessionId, SessionLog> next = new LinkedHashMap<>(logs);
    next.put(id, log);
    return with(status, pauses, next, now);
  }

  /** This plan with session {@code id} back to planned on its computed day. */
  public MyPlan withoutLog(SessionId id, Instant now) {
    Map<SessionId, SessionLog> next = new LinkedHashMap<>(logs);
    next.remove(id);
    return with(status, pauses, next, now);
  }

  private void require(PlanStatus expected) {
    if (status != expected) {
      throw new IllegalStateException("the plan is " + status + ", not " + expected);
    }
  }

  private MyPlan with(
      PlanStatus nextStatus,
      List<Pause> nextPauses,
      Map<SessionId, SessionLog> nextLogs,
      Instant now) {
    return new MyPlan(
        id,
        userId,
        planId,
        planVersion,
        startDate,
        targetDate,
        daysPerWeek,
        preferredDays,
        timeZone,
        nextStatus,
        nextPauses,
        nextLogs,
        createdAt,
        now,
        version + 1);
  }
}
