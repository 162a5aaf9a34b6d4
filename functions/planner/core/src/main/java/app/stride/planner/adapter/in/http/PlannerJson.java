package app.stride.planner.adapter.in.http;

import app.stride.core.json.Json;
import app.stride.planner.domain.DatedSession;
import app.stride.planner.domain.Intensity;
import app.stride.planner.domain.MyPlan;
import app.stride.planner.domain.Pause;
import app.stride.planner.domain.PlanTemplate;
import app.stride.planner.domain.PlanWeek;
import app.stride.planner.domain.ScheduledPlan;
import app.stride.planner.domain.SessionId;
import app.stride.planner.domain.TemplateSession;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The API's JSON of plans, my plans and scheduled sessions, texts resolved in one language. */
final class PlannerJson {
  private final Locale locale;

  PlannerJson(Locale locale) {
    this.locale = locale;
  }

  ObjectNode planSummary(PlanTemplate template) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("id", template.id().value());
    node.put("version", template.version());
    node.put("sport", template.sport().wireName());
    node.put("level", template.level().wireName());
    node.set("title", text(template.titleKey()));
    node.set("description", text(template.descriptionKey()));
    node.put("durationWeeks", template.weeks().size());
    ObjectNode days = node.putObject("daysPerWeek");
    days.put("min", template.minDaysPerWeek());
    days.put("max", template.maxDaysPerWeek());
    if (template.hasRace()) {
      node.put("raceDistanceMeters", template.raceDistanceMeters());
    }
    return node;
  }

  ObjectNode plan(PlanTemplate template) {
    ObjectNode node = planSummary(template);
    ArrayNode weeks = node.putArray("weeks");
    for (int w = 0; w < template.weeks().size(); w++) {
      PlanWeek week = template.weeks().get(w);
      ObjectNode weekNode = weeks.addObject();
      weekNode.put("week", w + 1);
      weekNode.set("focus", text(week.focusKey()));
      ArrayNode sessions = weekNode.putArray("sessions");
      for (int i = 0; i < week.sessions().size(); i++) {
        TemplateSession session = week.sessions().get(i);
        ObjectNode s = sessions.addObject();
        s.put("id", new SessionId(w + 1, i + 1).value());
        writeSession(s, session);
        s.put("optional", session.optional());
      }
    }
    return node;
  }

  ObjectNode myPlan(ScheduledPlan scheduled) {
    MyPlan plan = scheduled.plan();
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("id", plan.id().value());
    node.put("planId", plan.planId().value());
    node.put("planVersion", plan.planVersion());
    node.put("sport", scheduled.template().sport().wireName());
    node.set("title", text(scheduled.template().titleKey()));
    node.put("status", scheduled.statusName());
    node.put("startDate", plan.startDate().toString());
    scheduled.endDate().ifPresent(end -> node.put("endDate", end.toString()));
    scheduled.raceDate().ifPresent(race -> node.put("raceDate", race.toString()));
    if (plan.targetDate() != null) {
      node.put("targetDate", plan.targetDate().toString());
    }
    node.put("daysPerWeek", plan.daysPerWeek());
    ArrayNode days = node.putArray("preferredDays");
    plan.preferredDays().forEach(day -> days.add(weekday(day)));
    node.put("timeZone", plan.timeZone().getId());
    node.put("today", scheduled.today().toString());
    ArrayNode pauses = node.putArray("pauses");
    for (Pause pause : plan.pauses()) {
      ObjectNode p = pauses.addObject();
      p.put("from", pause.from().toString());
      if (pause.until() != null) {
        p.put("until", pause.until().toString());
      }
    }
    ObjectNode progress = node.putObject("progress");
    progress.put("sessions", scheduled.sessions().size());
    progress.put("done", scheduled.count(DatedSession.State.DONE));
    progress.put("skipped", scheduled.count(DatedSession.State.SKIPPED));
    progress.put("missed", scheduled.count(DatedSession.State.MISSED));
    node.put("createdAt", plan.createdAt().toString());
    node.put("updatedAt", plan.updatedAt().toString());
    return node;
  }

  ObjectNode myPlans(List<ScheduledPlan> plans) {
    ObjectNode node = Json.mapper().createObjectNode();
    ArrayNode items = node.putArray("plans");
    plans.forEach(plan -> items.add(myPlan(plan)));
    return node;
  }

  ObjectNode scheduledSession(ScheduledPlan plan, DatedSession session) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("myPlanId", plan.plan().id().value());
    node.put("planId", plan.plan().planId().value());
    node.put("sessionId", session.id().value());
    node.put("week", session.id().week());
    if (session.date() != null) {
      node.put("date", session.date().toString());
    }
    if (session.plannedDate() != null && !session.plannedDate().equals(session.date())) {
      node.put("plannedDate", session.plannedDate().toString());
    }
    node.put("status", session.state(plan.today()).wireName());
    node.put("today", plan.today().equals(session.date()));
    writeSession(node, session.session());
    if (session.log() != null && session.log().workoutId() != null) {
      node.put("workoutId", session.log().workoutId());
    }
    return node;
  }

  private void writeSession(ObjectNode node, TemplateSession session) {
    node.put("type", session.type().wireName());
    node.put("sport", session.type().sport() == null ? "any" : session.type().sport().wireName());
    node.set("title", text(session.titleKey()));
    node.set("description", text(session.descriptionKey()));
    if (session.durationMinutes() != null) {
      node.put("durationMinutes", session.durationMinutes());
    }
    if (session.distanceMeters() != null) {
      node.put("distanceMeters", session.distanceMeters());
    }
    Intensity intensity = session.intensity();
    ObjectNode i = node.putObject("intensity");
    i.put("scale", intensity.scale().wireName());
    i.put("min", intensity.min());
    i.put("max", intensity.max());
  }

  ObjectNode text(String key) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("key", key);
    node.put("text", PlanTexts.text(key, locale));
    return node;
  }

  static String weekday(DayOfWeek day) {
    return day.name().toLowerCase(Locale.ROOT);
  }
}
