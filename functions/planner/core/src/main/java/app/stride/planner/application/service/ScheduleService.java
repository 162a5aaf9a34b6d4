package app.stride.planner.application.service;

import app.stride.core.auth.Principal;
import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.planner.application.port.in.ViewScheduleUseCase;
import app.stride.planner.application.port.out.LoadMyPlansPort;
import app.stride.planner.application.port.out.PlanLibraryPort;
import app.stride.planner.domain.ScheduledPlan;
import app.stride.planner.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Serves {@link ViewScheduleUseCase}: one read of the user's plans, dated in memory. */
public final class ScheduleService implements ViewScheduleUseCase {
  private final CurrentPlans plans;
  private final ResidencyGuard guard;
  private final Clock clock;

  public ScheduleService(
      LoadMyPlansPort plans, PlanLibraryPort library, RegionId servingRegion, Clock clock) {
    this.plans = new CurrentPlans(plans, library);
    this.guard = new ResidencyGuard(servingRegion);
    this.clock = clock;
  }

  @Override
  public Schedule schedule(Principal caller, Optional<LocalDate> from, Optional<LocalDate> to) {
    guard.requireHome(caller.homeRegion());
    Instant now = clock.instant();
    List<ScheduledPlan> current = plans.of(new UserId(caller.userId()), caller.homeRegion(), now);
    LocalDate first =
        from.orElseGet(
            () ->
                current.isEmpty()
                    ? LocalDate.ofInstant(now, ZoneOffset.UTC)
                    : current.get(current.size() - 1).today());
    LocalDate last = to.orElse(first.plusDays(6));
    if (last.isBefore(first)) {
      throw ProblemException.invalid("query:to", "is before from (" + first + ")");
    }
    if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_RANGE_DAYS) {
      throw ProblemException.invalid(
          "query:to", "the range is at most " + MAX_RANGE_DAYS + " days");
    }
    List<Entry> entries = new ArrayList<>();
    for (ScheduledPlan plan : current) {
      plan.sessions().stream()
          .filter(s -> s.isDated() && !s.date().isBefore(first) && !s.date().isAfter(last))
          .forEach(s -> entries.add(new Entry(plan, s)));
    }
    entries.sort(CurrentPlans.ORDER);
    return new Schedule(first, last, entries);
  }
}
