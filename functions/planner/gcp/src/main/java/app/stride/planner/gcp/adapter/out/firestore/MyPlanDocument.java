package app.stride.planner.gcp.adapter.out.firestore;

import app.stride.planner.domain.MyPlan;
import app.stride.planner.domain.MyPlanId;
import app.stride.planner.domain.Pause;
import app.stride.planner.domain.PlanId;
import app.stride.planner.domain.PlanStatus;
import app.stride.planner.domain.SessionId;
import app.stride.planner.domain.SessionLog;
import app.stride.planner.domain.UserId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The persistence model of a user's plan: the fields of {@code users/{userId}/plans/{myPlanId}}.
 * Dates and instants are ISO-8601 strings, {@code version} a number (the field {@code
 * VersionedDocuments} conditions on), {@code pauses} a list of maps, {@code logs} a map by session
 * id.
 */
final class MyPlanDocument {
  /** The users collection (shared root with the workouts capability). */
  static final String USERS = "users";

  /** The plans subcollection of a user. */
  static final String PLANS = "plans";

  private MyPlanDocument() {}

  static Map<String, Object> toFields(MyPlan plan) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("userId", plan.userId().value());
    fields.put("planId", plan.planId().value());
    fields.put("planVersion", (long) plan.planVersion());
    fields.put("startDate", plan.startDate().toString());
    if (plan.targetDate() != null) {
      fields.put("targetDate", plan.targetDate().toString());
    }
    fields.put("daysPerWeek", (long) plan.daysPerWeek());
    fields.put("preferredDays", plan.preferredDays().stream().map(DayOfWeek::name).toList());
    fields.put("timeZone", plan.timeZone().getId());
    fields.put("status", plan.status().name());
    List<Map<String, Object>> pauses = new ArrayList<>();
    for (Pause pause : plan.pauses()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("from", pause.from().toString());
      if (pause.until() != null) {
        p.put("until", pause.until().toString());
      }
      pauses.add(p);
    }
    fields.put("pauses", pauses);
    Map<String, Object> logs = new LinkedHashMap<>();
    plan.logs()
        .forEach(
            (id, log) -> {
              Map<String, Object> l = new LinkedHashMap<>();
              l.put("status", log.status().name());
              l.put("date", log.date().toString());
              if (log.workoutId() != null) {
                l.put("workoutId", log.workoutId());
              }
              l.put("at", log.at().toString());
              logs.put(id.value(), l);
            });
    fields.put("logs", logs);
    fields.put("createdAt", plan.createdAt().toString());
    fields.put("updatedAt", plan.updatedAt().toString());
    fields.put("version", plan.version());
    return fields;
  }

  @SuppressWarnings("unchecked")
  static MyPlan toPlan(String myPlanId, Map<String, Object> fields) {
    List<Pause> pauses = new ArrayList<>();
    for (Map<String, Object> p :
        (List<Map<String, Object>>) fields.getOrDefault("pauses", List.of())) {
      pauses.add(new Pause(date(p.get("from")), date(p.get("until"))));
    }
    Map<SessionId, SessionLog> logs = new LinkedHashMap<>();
    ((Map<String, Map<String, Object>>) fields.getOrDefault("logs", Map.of()))
        .forEach(
            (id, l) ->
                logs.put(
                    SessionId.parse(id).orElseThrow(),
                    new SessionLog(
                        SessionLog.Status.valueOf((String) l.get("status")),
                        date(l.get("date")),
                        (String) l.get("workoutId"),
                        Instant.parse((String) l.get("at")))));
    return new MyPlan(
        new MyPlanId(myPlanId),
        new UserId((String) fields.get("userId")),
        new PlanId((String) fields.get("planId")),
        ((Number) fields.get("planVersion")).intValue(),
        date(fields.get("startDate")),
        date(fields.get("targetDate")),
        ((Number) fields.get("daysPerWeek")).intValue(),
        ((List<String>) fields.get("preferredDays")).stream().map(DayOfWeek::valueOf).toList(),
        ZoneId.of((String) fields.get("timeZone")),
        PlanStatus.valueOf((String) fields.get("status")),
        pauses,
        logs,
        Instant.parse((String) fields.get("createdAt")),
        Instant.parse((String) fields.get("updatedAt")),
        ((Number) fields.get("version")).longValue());
  }

  private static LocalDate date(Object value) {
    return value == null ? null : LocalDate.parse((String) value);
  }
}
