package app.stride.planner.application.service;

import app.stride.core.auth.Principal;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.VersionConflictException;
import app.stride.planner.application.port.in.ManageMyPlansUseCase;
import app.stride.planner.application.port.in.SessionChangeCommand;
import app.stride.planner.application.port.in.StartPlanCommand;
import app.stride.planner.application.port.out.LoadWorkoutSummaryPort;
import app.stride.planner.application.port.out.MyPlanStore;
import app.stride.planner.application.port.out.PlanLibraryPort;
import app.stride.planner.domain.DatedSession;
import app.stride.planner.domain.MyPlan;
import app.stride.planner.domain.MyPlanId;
import app.stride.planner.domain.PlanId;
import app.stride.planner.domain.PlanStatus;
import app.stride.planner.domain.PlanTemplate;
import app.stride.planner.domain.ScheduledPlan;
import app.stride.planner.domain.Scheduler;
import app.stride.planner.domain.SessionId;
import app.stride.planner.domain.SessionLog;
import app.stride.planner.domain.UserId;
import app.stride.planner.domain.WorkoutSummary;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Serves {@link ManageMyPlansUseCase} from one region's store. Every change is a single-item
 * conditional write on the version read just before; a lost race is retried a few times, then
 * answered {@code 409 conflict}. Every check runs before the write, so bad input changes nothing.
 */
public final class MyPlanService implements ManageMyPlansUseCase {
  /** The most plans a user follows at once (active or paused). */
  public static final int MAX_CURRENT_PLANS = 5;

  /** How far ahead a plan may start. */
  public static final int MAX_LEAD_DAYS = 365;

  private static final int ATTEMPTS = 3;

  private final MyPlanStore store;
  private final PlanLibraryPort library;
  private final LoadWorkoutSummaryPort workouts;
  private final ResidencyGuard guard;
  private final Clock clock;
  private final MyPlanIds ids;

  public MyPlanService(
      MyPlanStore store,
      PlanLibraryPort library,
      LoadWorkoutSummaryPort workouts,
      RegionId servingRegion,
      Clock clock) {
    this.store = store;
    this.library = library;
    this.workouts = workouts;
    this.guard = new ResidencyGuard(servingRegion);
    this.clock = clock;
    this.ids = new MyPlanIds(clock);
  }

  @Override
  public ScheduledPlan start(Principal caller, StartPlanCommand command) {
    guard.requireHome(caller.homeRegion());
    PlanTemplate template =
        Optional.ofNullable(command.planId())
            .filter(PlanId::isWellFormed)
            .flatMap(id -> library.latest(new PlanId(id)))
            .orElseThrow(() -> invalid("/planId", "is not a plan of the library"));
    requireDaysPerWeek(template, command.daysPerWeek());
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, command.timeZone());
    LocalDate start = startDate(template, command, today);
    List<DayOfWeek> days =
        command.preferredDays().isEmpty()
            ? Scheduler.defaultDays(command.daysPerWeek())
            : command.preferredDays();
    UserId userId = new UserId(caller.userId());
    long current =
        list(caller).stream().filter(p -> p.statusName().matches("active|paused")).count();
    if (current >= MAX_CURRENT_PLANS) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "You already follow "
              + current
              + " plans; abandon one before starting another (at most "
              + MAX_CURRENT_PLANS
              + ").");
    }
    MyPlan plan =
        MyPlan.start(
            ids.next(),
            userId,
            template,
            start,
            command.targetDate(),
            days,
            command.timeZone(),
            now);
    store.create(plan, caller.homeRegion());
    return ScheduledPlan.of(template, plan, today);
  }

  @Override
  public List<ScheduledPlan> list(Principal caller) {
    guard.requireHome(caller.homeRegion());
    Instant now = clock.instant();
    return store.list(new UserId(caller.userId()), caller.homeRegion()).stream()
        .map(plan -> ScheduledPlan.of(template(plan), plan, plan.today(now)))
        .toList();
  }

  @Override
  public ScheduledPlan get(Principal caller, String myPlanId) {
    MyPlan plan = load(caller, myPlanId);
    return ScheduledPlan.of(template(plan), plan, plan.today(clock.instant()));
  }

  @Override
  public ScheduledPlan pause(Principal caller, String myPlanId) {
    return change(
        caller,
        myPlanId,
        plan -> {
          requireStatus(plan, PlanStatus.ACTIVE, "Only an active plan can be paused.");
          Instant now = clock.instant();
          return plan.pause(plan.today(now), now);
        });
  }

  @Override
  public ScheduledPlan resume(Principal caller, String myPlanId) {
    return change(
        caller,
        myPlanId,
        plan -> {
          requireStatus(plan, PlanStatus.PAUSED, "Only a paused plan can be resumed.");
          Instant now = clock.instant();
          return plan.resume(plan.today(now), now);
        });
  }

  @Override
  public ScheduledPlan abandon(Principal caller, String myPlanId) {
    return change(
        caller,
        myPlanId,
        plan -> {
          if (plan.status() == PlanStatus.ABANDONED) {
            throw conflict("The plan is already abandoned.");
          }
          return plan.abandon(clock.instant());
        });
  }

  @Override
  public ScheduledPlan changeSession(
      Principal caller, String myPlanId, String sessionId, SessionChangeCommand change) {
    return change(
        caller,
        myPlanId,
        plan -> {
          Instant now = clock.instant();
          ScheduledPlan scheduled = ScheduledPlan.of(template(plan), plan, plan.today(now));
          DatedSession session =
              SessionId.parse(sessionId)
                  .flatMap(scheduled::session)
                  .orElseThrow(
                      () ->
                          new ProblemException(
                              ProblemType.NOT_FOUND,
                              "This plan has no session '" + sessionId + "' on your days."));
          if (plan.status() == PlanStatus.ABANDONED) {
            throw conflict("The plan is abandoned.");
          }
          if (!session.isDated()) {
            throw conflict("The plan is paused from this session on; resume it first.");
          }
          return apply(caller, plan, session, change, scheduled.today(), now);
        });
  }

  private MyPlan apply(
      Principal caller,
      MyPlan plan,
      DatedSession session,
      SessionChangeCommand change,
      LocalDate today,
      Instant now) {
    return switch (change.action()) {
      case DONE -> {
        if (change.workoutId() != null) {
          requireFittingWorkout(caller, session, change.workoutId());
        }
        yield plan.withLog(
            session.id(),
            new SessionLog(SessionLog.Status.DONE, session.date(), change.workoutId(), now),
            now);
      }
      case SKIPPED ->
          plan.withLog(
              session.id(),
              new SessionLog(SessionLog.Status.SKIPPED, session.date(), null, now),
              now);
      case MOVE -> {
        if (change.date().isBefore(today)) {
          throw invalid("/date", "is in the past: today is " + today + " in " + plan.timeZone());
        }
        if (plan.openPause().map(p -> !change.date().isBefore(p.from())).orElse(false)) {
          throw conflict("The plan is paused from " + plan.openPause().get().from() + ".");
        }
        yield plan.withLog(
            session.id(), new SessionLog(SessionLog.Status.MOVED, change.date(), null, now), now);
      }
      case RESET -> plan.withoutLog(session.id(), now);
    };
  }

  private void requireFittingWorkout(Principal caller, DatedSession session, String workoutId) {
    WorkoutSummary workout =
        workouts
            .load(new UserId(caller.userId()), workoutId, caller.homeRegion())
            .orElseThrow(() -> invalid("/workoutId", "is not one of your recorded workouts"));
    if (!session.session().type().acceptsWorkoutOf(workout.sport())) {
      throw invalid(
          "/workoutId",
          "is a "
              + workout.sport()
              + " workout; this "
              + session.session().type().wireName()
              + " session needs "
              + session.session().type().sport().wireName());
    }
  }

  /** Loads, changes and conditionally replaces a plan, retrying a lost race. */
  private ScheduledPlan change(Principal caller, String myPlanId, UnaryOperator<MyPlan> change) {
    for (int attempt = 1; ; attempt++) {
      MyPlan current = load(caller, myPlanId);
      MyPlan next = change.apply(current);
      try {
        store.replace(next, current.version(), caller.homeRegion());
        return ScheduledPlan.of(template(next), next, next.today(clock.instant()));
      } catch (VersionConflictException e) {
        if (attempt >= ATTEMPTS) {
          throw conflict("The plan changed while this request was applied; try again.");
        }
      }
    }
  }

  private MyPlan load(Principal caller, String myPlanId) {
    guard.requireHome(caller.homeRegion());
    return Optional.ofNullable(myPlanId)
        .filter(MyPlanId::isWellFormed)
        .flatMap(
            id -> store.load(new UserId(caller.userId()), new MyPlanId(id), caller.homeRegion()))
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.NOT_FOUND, "You have no plan '" + myPlanId + "'."));
  }

  private PlanTemplate template(MyPlan plan) {
    return library
        .find(plan.planId(), plan.planVersion())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the library lost " + plan.planId() + " v" + plan.planVersion()));
  }

  private static LocalDate startDate(
      PlanTemplate template, StartPlanCommand command, LocalDate today) {
    LocalDate latest = today.plusDays(MAX_LEAD_DAYS);
    if (command.targetDate() != null) {
      if (!template.hasRace()) {
        throw invalid("/targetDate", "this plan has no race day; give a startDate instead");
      }
      LocalDate start = Scheduler.startForRaceDay(template, command.targetDate());
      if (start.isBefore(today)) {
        throw invalid(
            "/targetDate",
            "is too close: this plan takes "
                + template.weeks().size()
                + " weeks, so the earliest race day is "
                + today.plusDays(template.lengthDays() - 1L));
      }
      if (start.isAfter(latest)) {
        throw invalid("/targetDate", "is too far ahead: the plan would start after " + latest);
      }
      return start;
    }
    if (command.startDate().isBefore(today)) {
      throw invalid(
          "/startDate", "is in the past: today is " + today + " in " + command.timeZone());
    }
    if (command.startDate().isAfter(latest)) {
      throw invalid("/startDate", "is more than " + MAX_LEAD_DAYS + " days ahead");
    }
    return command.startDate();
  }

  private static void requireDaysPerWeek(PlanTemplate template, int daysPerWeek) {
    if (daysPerWeek < template.minDaysPerWeek() || daysPerWeek > template.maxDaysPerWeek()) {
      throw invalid(
          "/daysPerWeek",
          "this plan needs "
              + template.minDaysPerWeek()
              + " to "
              + template.maxDaysPerWeek()
              + " days a week");
    }
  }

  private static void requireStatus(MyPlan plan, PlanStatus expected, String detail) {
    if (plan.status() != expected) {
      throw conflict(detail + " This one is " + plan.status().wireName() + ".");
    }
  }

  private static ProblemException invalid(String pointer, String message) {
    return ProblemException.invalid(pointer, message);
  }

  private static ProblemException conflict(String detail) {
    return new ProblemException(ProblemType.CONFLICT, detail);
  }
}
