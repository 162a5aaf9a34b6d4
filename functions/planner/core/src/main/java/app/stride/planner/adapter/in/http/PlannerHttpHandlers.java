package app.stride.planner.adapter.in.http;

import app.stride.core.auth.Principal;
import app.stride.core.function.ApiCall;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.problem.ProblemException;
import app.stride.planner.application.port.in.BrowsePlansUseCase;
import app.stride.planner.application.port.in.ManageMyPlansUseCase;
import app.stride.planner.application.port.in.SessionChangeCommand;
import app.stride.planner.application.port.in.StartPlanCommand;
import app.stride.planner.application.port.in.ViewScheduleUseCase;
import app.stride.planner.application.port.in.ViewScheduleUseCase.Schedule;
import app.stride.planner.domain.ScheduledPlan;
import app.stride.planner.domain.SessionId;
import app.stride.planner.domain.Sport;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The planner's operations, one method each. Sessions change by {@code PATCH
 * /v1/me/plans/{myPlanId}/sessions/{sessionId}} with a {@code SessionChange} body; plans change
 * state by {@code POST .../pause|resume|abandon}.
 */
public final class PlannerHttpHandlers {
  private static final String PRIVATE = "private, no-store";
  private static final String LIBRARY_CACHE = "private, max-age=300";

  private final BrowsePlansUseCase library;
  private final ManageMyPlansUseCase myPlans;
  private final ViewScheduleUseCase schedule;

  public PlannerHttpHandlers(
      BrowsePlansUseCase library, ManageMyPlansUseCase myPlans, ViewScheduleUseCase schedule) {
    this.library = library;
    this.myPlans = myPlans;
    this.schedule = schedule;
  }

  /** Adds the handlers to a function builder. */
  public ApiFunction.Builder register(ApiFunction.Builder builder) {
    return builder
        .on("listPlans", this::listPlans)
        .on("getPlan", this::getPlan)
        .on("startMyPlan", this::start)
        .on("listMyPlans", this::listMine)
        .on("getMyPlan", call -> plan(call, 200, myPlans.get(call.caller(), segment(call, 4))))
        .on("pauseMyPlan", call -> transition(call, myPlans::pause))
        .on("resumeMyPlan", call -> transition(call, myPlans::resume))
        .on("abandonMyPlan", call -> transition(call, myPlans::abandon))
        .on("changeMySession", this::changeSession)
        .on("getMySchedule", this::schedule);
  }

  ApiResponse listPlans(ApiCall call) {
    Optional<Sport> sport =
        Optional.ofNullable(call.request().query().get("sport"))
            .map(
                name ->
                    Sport.fromWire(name)
                        .orElseThrow(
                            () ->
                                ProblemException.invalid(
                                    "query:sport", "must be running or yoga")));
    Locale locale = locale(call);
    PlannerJson json = new PlannerJson(locale);
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode plans = body.putArray("plans");
    library.list(sport).forEach(plan -> plans.add(json.planSummary(plan)));
    return answer(200, body, locale, LIBRARY_CACHE);
  }

  ApiResponse getPlan(ApiCall call) {
    Locale locale = locale(call);
    return answer(
        200, new PlannerJson(locale).plan(library.get(segment(call, 3))), locale, LIBRARY_CACHE);
  }

  ApiResponse start(ApiCall call) {
    JsonNode body = call.body();
    StartPlanCommand command =
        StartPlanCommand.of(
            body.path("planId").asString(null),
            date(body, "startDate"),
            date(body, "targetDate"),
            body.path("daysPerWeek").asInt(),
            weekdays(body.path("preferredDays")),
            body.path("timeZone").asString(null));
    ScheduledPlan plan = myPlans.start(call.caller(), command);
    return plan(call, 201, plan).withHeader("Location", "/v1/me/plans/" + plan.plan().id().value());
  }

  ApiResponse listMine(ApiCall call) {
    Locale locale = locale(call);
    return answer(
        200, new PlannerJson(locale).myPlans(myPlans.list(call.caller())), locale, PRIVATE);
  }

  ApiResponse changeSession(ApiCall call) {
    JsonNode body = call.body();
    SessionChangeCommand change =
        SessionChangeCommand.of(
            body.path("status").asString(null),
            date(body, "date"),
            body.path("workoutId").asString(null));
    String sessionId = segment(call, 6);
    ScheduledPlan plan = myPlans.changeSession(call.caller(), segment(call, 4), sessionId, change);
    Locale locale = locale(call);
    SessionId id = SessionId.parse(sessionId).orElseThrow();
    return answer(
        200,
        new PlannerJson(locale).scheduledSession(plan, plan.session(id).orElseThrow()),
        locale,
        PRIVATE);
  }

  ApiResponse schedule(ApiCall call) {
    Schedule found =
        schedule.schedule(call.caller(), queryDate(call, "from"), queryDate(call, "to"));
    Locale locale = locale(call);
    PlannerJson json = new PlannerJson(locale);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("from", found.from().toString());
    body.put("to", found.to().toString());
    ArrayNode sessions = body.putArray("sessions");
    found.entries().forEach(e -> sessions.add(json.scheduledSession(e.plan(), e.session())));
    return answer(200, body, locale, PRIVATE);
  }

  private ApiResponse transition(
      ApiCall call, BiFunction<Principal, String, ScheduledPlan> change) {
    return plan(call, 200, change.apply(call.caller(), segment(call, 4)));
  }

  private static ApiResponse plan(ApiCall call, int status, ScheduledPlan plan) {
    Locale locale = locale(call);
    return answer(status, new PlannerJson(locale).myPlan(plan), locale, PRIVATE);
  }

  private static ApiResponse answer(int status, ObjectNode body, Locale locale, String cache) {
    return ApiResponse.json(status, body)
        .withHeader("Content-Language", locale.toLanguageTag())
        .withHeader("Cache-Control", cache);
  }

  private static Locale locale(ApiCall call) {
    return PlanTexts.negotiate(call.header("Accept-Language"));
  }

  /** The path segment at {@code index}: {@code /v1/me/plans/{id}} has the id at 4. */
  private static String segment(ApiCall call, int index) {
    String[] segments = call.request().path().split("/");
    return index < segments.length ? segments[index] : "";
  }

  private static Optional<LocalDate> queryDate(ApiCall call, String name) {
    String value = call.request().query().get(name);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeException e) {
      throw ProblemException.invalid("query:" + name, "must be a date like 2026-03-01");
    }
  }

  /** A body date; the schema checked its format. */
  private static LocalDate date(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return LocalDate.parse(value.asString());
    } catch (DateTimeException e) {
      throw ProblemException.invalid("/" + field, "must be a date like 2026-03-01");
    }
  }

  private static List<DayOfWeek> weekdays(JsonNode array) {
    List<DayOfWeek> days = new ArrayList<>();
    array.forEach(day -> days.add(DayOfWeek.valueOf(day.asString().toUpperCase(Locale.ROOT))));
    return days;
  }
}
