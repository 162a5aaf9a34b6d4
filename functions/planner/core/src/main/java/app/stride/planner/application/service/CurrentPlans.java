package app.stride.planner.application.service;

import app.stride.core.region.RegionId;
import app.stride.planner.application.port.in.ViewScheduleUseCase.Entry;
import app.stride.planner.application.port.out.LoadMyPlansPort;
import app.stride.planner.application.port.out.PlanLibraryPort;
import app.stride.planner.domain.MyPlan;
import app.stride.planner.domain.PlanStatus;
import app.stride.planner.domain.PlanTemplate;
import app.stride.planner.domain.ScheduledPlan;
import app.stride.planner.domain.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A user's plans that are not abandoned, dated in memory from one read: what schedules show. */
final class CurrentPlans {
  /** Schedule order: by day, then plan start, then the session's place in the plan. */
  static final Comparator<Entry> ORDER =
      Comparator.comparing((Entry e) -> e.session().date())
          .thenComparing(e -> e.plan().plan().createdAt())
          .thenComparing(e -> e.session().id().week())
          .thenComparing(e -> e.session().id().index());

  private final LoadMyPlansPort plans;
  private final PlanLibraryPort library;

  CurrentPlans(LoadMyPlansPort plans, PlanLibraryPort library) {
    this.plans = plans;
    this.library = library;
  }

  /** The user's current plans, each scheduled on its own today at {@code now}. */
  List<ScheduledPlan> of(UserId userId, RegionId home, Instant now) {
    return plans.list(userId, home).stream()
        .filter(plan -> plan.status() != PlanStatus.ABANDONED)
        .map(plan -> ScheduledPlan.of(template(plan), plan, plan.today(now)))
        .toList();
  }

  private PlanTemplate template(MyPlan plan) {
    return library
        .find(plan.planId(), plan.planVersion())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the library lost " + plan.planId() + " v" + plan.planVersion()));
  }
}
