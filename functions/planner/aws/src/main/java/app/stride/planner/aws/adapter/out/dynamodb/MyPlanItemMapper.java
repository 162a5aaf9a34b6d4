package app.stride.planner.aws.adapter.out.dynamodb;

import app.stride.planner.domain.MyPlan;
import app.stride.planner.domain.MyPlanId;
import app.stride.planner.domain.Pause;
import app.stride.planner.domain.PlanId;
import app.stride.planner.domain.PlanStatus;
import app.stride.planner.domain.SessionId;
import app.stride.planner.domain.SessionLog;
import app.stride.planner.domain.UserId;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps {@link MyPlan} to {@link MyPlanItem} and back. */
final class MyPlanItemMapper {
  private MyPlanItemMapper() {}

  static MyPlanItem toItem(MyPlan plan) {
    MyPlanItem item = new MyPlanItem();
    item.setPk(MyPlanItem.partitionOf(plan.userId().value()));
    item.setSk(MyPlanItem.sortOf(plan.id().value()));
    item.setUserId(plan.userId().value());
    item.setMyPlanId(plan.id().value());
    item.setPlanId(plan.planId().value());
    item.setPlanVersion(plan.planVersion());
    item.setStartDate(plan.startDate().toString());
    item.setTargetDate(plan.targetDate() == null ? null : plan.targetDate().toString());
    item.setDaysPerWeek(plan.daysPerWeek());
    item.setPreferredDays(plan.preferredDays().stream().map(DayOfWeek::name).toList());
    item.setTimeZone(plan.timeZone().getId());
    item.setStatus(plan.status().name());
    item.setPauses(
        plan.pauses().stream()
            .map(
                p -> {
                  PauseItem pause = new PauseItem();
                  pause.setFrom(p.from().toString());
                  pause.setUntil(p.until() == null ? null : p.until().toString());
                  return pause;
                })
            .toList());
    Map<String, SessionLogItem> logs = new LinkedHashMap<>();
    plan.logs()
        .forEach(
            (id, log) -> {
              SessionLogItem entry = new SessionLogItem();
              entry.setStatus(log.status().name());
              entry.setDate(log.date().toString());
              entry.setWorkoutId(log.workoutId());
              entry.setAt(log.at());
              logs.put(id.value(), entry);
            });
    item.setLogs(logs);
    item.setCreatedAt(plan.createdAt());
    item.setUpdatedAt(plan.updatedAt());
    item.setVersion(plan.version());
    return item;
  }

  static MyPlan toDomain(MyPlanItem item) {
    Map<SessionId, SessionLog> logs = new LinkedHashMap<>();
    if (item.getLogs() != null) {
      item.getLogs()
          .forEach(
              (id, log) ->
                  logs.put(
                      SessionId.parse(id).orElseThrow(),
                      new SessionLog(
                          SessionLog.Status.valueOf(log.getStatus()),
                          LocalDate.parse(log.getDate()),
                          log.getWorkoutId(),
                          log.getAt())));
    }
    List<Pause> pauses =
        item.getPauses() == null
            ? List.of()
            : item.getPauses().stream()
                .map(
                    p ->
                        new Pause(
                            LocalDate.parse(p.getFrom()),
                            p.getUntil() == null ? null : LocalDate.parse(p.getUntil())))
                .toList();
    return new MyPlan(
        new MyPlanId(item.getMyPlanId()),
        new UserId(item.getUserId()),
        new PlanId(item.getPlanId()),
        item.getPlanVersion(),
        LocalDate.parse(item.getStartDate()),
        item.getTargetDate() == null ? null : LocalDate.parse(item.getTargetDate()),
        item.getDaysPerWeek(),
        item.getPreferredDays().stream()
            .map(d -> DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT)))
            .toList(),
        ZoneId.of(item.getTimeZone()),
        PlanStatus.valueOf(item.getStatus()),
        pauses,
        logs,
        item.getCreatedAt(),
        item.getUpdatedAt(),
        item.getVersion());
  }
}
