package app.stride.planner;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.apispecs.ApiSpecs;
import app.stride.core.auth.Principal;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.openapi.ResponseValidator;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.planner.adapter.out.library.ClasspathPlanLibrary;
import app.stride.planner.application.port.out.LoadWorkoutSummaryPort;
import app.stride.planner.domain.MyPlan;
import app.stride.planner.domain.UserId;
import app.stride.planner.domain.WorkoutSummary;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The planner HTTP function end to end in memory: spec validation, token, use cases, problems, and
 * every response checked against the spec.
 */
class PlannerHttpTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final ClasspathPlanLibrary LIBRARY = ClasspathPlanLibrary.load();
  private static final String RUN = "w_01j9zq3v8t6x4n2kbc5d7e9f0g";
  private static final String RIDE = "w_01j9zq3v8t6x4n2kbc5d7e9f0h";
  private static final String BOBS_RUN = "w_01j9zq3v8t6x4n2kbc5d7e9f0j";

  /** Tokens are "<user>@<region>"; the real verifier is tested in shared-core. */
  private static final TokenVerifier VERIFIER =
      token -> {
        String[] parts = token.split("@");
        if (parts.length != 2) {
          throw new ProblemException(ProblemType.UNAUTHORIZED, "bad token");
        }
        return new Principal(parts[0], RegionId.of(parts[1]), Set.of(), "jti");
      };

  /** Monday 2030-03-04, 08:00 in Berlin. */
  private final MovableClock clock = new MovableClock(Instant.parse("2030-03-04T07:00:00Z"));

  private final InMemoryMyPlanStore store = new InMemoryMyPlanStore(EU);
  private final Map<String, WorkoutSummary> workouts = new HashMap<>();
  private final LoadWorkoutSummaryPort workoutView =
      (user, id, home) -> Optional.ofNullable(workouts.get(user.value() + "/" + id));
  private final ApiFunction function =
      PlannerFunctions.http(
          LIBRARY,
          store,
          new InMemoryCalendarFeedStore(EU),
          workoutView,
          VERIFIER,
          EU,
          Optional.empty(),
          clock);
  private final ResponseValidator contract =
      new ResponseValidator(
          new RequestValidator(OpenApiSpec.read("mobile-api", ApiSpecs.mobileApi())));

  PlannerHttpTest() {
    Instant at = Instant.parse("2030-03-05T06:00:00Z");
    workouts.put("ana/" + RUN, new WorkoutSummary(RUN, "running", at, 1800, 5200.0));
    workouts.put("ana/" + RIDE, new WorkoutSummary(RIDE, "cycling", at, 3600, 25000.0));
    workouts.put("bob/" + BOBS_RUN, new WorkoutSummary(BOBS_RUN, "running", at, 1800, 5000.0));
  }

  @Test
  void listPlans_bySport_answersTextsWithTheirKeys() {
    ApiResponse response = send("GET", "/v1/plans?sport=yoga", "ana@eu", null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Language")).isEqualTo("en");
    JsonNode plans = json(response).path("plans");
    assertThat(plans.size()).isEqualTo(3);
    assertThat(plans.get(0).path("sport").asString()).isEqualTo("yoga");
    assertThat(send("GET", "/v1/plans", "ana@eu", null))
        .extracting(r -> json(r).path("plans").size())
        .isEqualTo(11);
    assertThat(send("GET", "/v1/plans?sport=chess", "ana@eu", null).status()).isEqualTo(400);
  }

  @Test
  void getPlan_honoursAcceptLanguage_withEnglishFallback() {
    ApiResponse response =
        send(
            "GET",
            "/v1/plans/running-5k-beginner",
            "ana@eu",
            null,
            Map.of("Accept-Language", "fr-CH, fr;q=0.9, ja;q=0.5"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Language")).isEqualTo("en");
    JsonNode plan = json(response);
    assertThat(plan.path("title").path("key").asString())
        .isEqualTo("plan.running.5k.beginner.title");
    assertThat(plan.path("title").path("text").asString()).isEqualTo("Your first 5K");
    assertThat(plan.path("weeks").size()).isEqualTo(8);
    assertThat(plan.at("/weeks/0/sessions/0/id").asString()).isEqualTo("w01-s1");
  }

  @Test
  void getPlan_unknownId_is404() {
    assertThat(send("GET", "/v1/plans/running-ultra-expert", "ana@eu", null).status())
        .isEqualTo(404);
  }

  @Test
  void startPlan_201_withLocation_andTodaysSessionInTheSchedule() {
    ApiResponse started =
        start(
            "ana@eu",
            "running-10k-beginner",
            "\"startDate\":\"2030-03-05\"",
            3,
            "[\"tuesday\",\"thursday\",\"sunday\"]");

    assertThat(started.status()).as(started.bodyText()).isEqualTo(201);
    String id = json(started).path("id").asString();
    assertThat(started.header("Location")).isEqualTo("/v1/me/plans/" + id);
    assertThat(json(started).path("raceDate").asString()).isEqualTo("2030-05-13");

    clock.set(Instant.parse("2030-03-05T05:00:00Z"));
    ApiResponse schedule = send("GET", "/v1/me/schedule", "ana@eu", null);

    assertThat(schedule.status()).isEqualTo(200);
    JsonNode sessions = json(schedule).path("sessions");
    assertThat(json(schedule).path("from").asString()).isEqualTo("2030-03-05");
    assertThat(sessions.get(0).path("date").asString()).isEqualTo("2030-03-05");
    assertThat(sessions.get(0).path("today").asBoolean()).isTrue();
    assertThat(sessions.get(0).path("status").asString()).isEqualTo("planned");
  }

  @Test
  void startPlan_forATargetDate_putsTheRaceOnThatDay() {
    ApiResponse started =
        start("ana@eu", "running-half-marathon-beginner", "\"targetDate\":\"2030-06-02\"", 3, null);

    assertThat(started.status()).as(started.bodyText()).isEqualTo(201);
    assertThat(json(started).path("raceDate").asString()).isEqualTo("2030-06-02");
    assertThat(json(started).path("startDate").asString()).isEqualTo("2030-03-11");
    assertThat(json(started).path("preferredDays").toString())
        .isEqualTo("[\"tuesday\",\"thursday\",\"sunday\"]");
  }

  @Test
  void startPlan_badInput_isA400_andStoresNothing() {
    Map<String, ApiResponse> answers = new LinkedHashMap<>();
    answers.put(
        "unknown plan",
        start("ana@eu", "running-ultra-expert", "\"startDate\":\"2030-03-05\"", 3, null));
    answers.put(
        "start in the past",
        start("ana@eu", "running-10k-beginner", "\"startDate\":\"2030-03-03\"", 3, null));
    answers.put(
        "too few days",
        start("ana@eu", "running-marathon-intermediate", "\"startDate\":\"2030-03-05\"", 3, null));
    answers.put(
        "too many days",
        start("ana@eu", "running-5k-beginner", "\"startDate\":\"2030-03-05\"", 6, null));
    answers.put(
        "target too close",
        start("ana@eu", "running-marathon-beginner", "\"targetDate\":\"2030-05-01\"", 4, null));
    answers.put(
        "target for a yoga plan",
        start("ana@eu", "yoga-daily-20", "\"targetDate\":\"2030-05-01\"", 5, null));
    answers.put(
        "both dates",
        start(
            "ana@eu",
            "running-10k-beginner",
            "\"startDate\":\"2030-03-05\",\"targetDate\":\"2030-06-01\"",
            3,
            null));
    answers.put(
        "days mismatch",
        start("ana@eu", "running-10k-beginner", "\"startDate\":\"2030-03-05\"", 3, "[\"monday\"]"));

    assertThat(answers)
        .allSatisfy(
            (what, response) -> {
              assertThat(response.status()).as(what + ": " + response.bodyText()).isEqualTo(400);
              assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            });
    assertThat(json(answers.get("target too close")).at("/errors/0/pointer").asString())
        .isEqualTo("/targetDate");
    assertThat(json(answers.get("too few days")).at("/errors/0/message").asString())
        .contains("5 to 6 days");
    assertThat(store.plans).isEmpty();
  }

  @Test
  void startPlan_inATimeZoneWhereItIsAlreadyTomorrow_refusesToday() {
    // 2030-03-04 23:30 UTC is already Tuesday the 5th in Auckland
    clock.set(Instant.parse("2030-03-04T23:30:00Z"));

    ApiResponse auckland =
        start(
            "ana@eu", "yoga-daily-20", "\"startDate\":\"2030-03-04\"", 5, null, "Pacific/Auckland");
    ApiResponse losAngeles =
        start(
            "ana@eu",
            "yoga-daily-20",
            "\"startDate\":\"2030-03-04\"",
            5,
            null,
            "America/Los_Angeles");

    assertThat(auckland.status()).isEqualTo(400);
    assertThat(losAngeles.status()).as(losAngeles.bodyText()).isEqualTo(201);
  }

  @Test
  void completeSession_withTheCallersRun_linksTheWorkout() {
    String plan = startTenK();

    ApiResponse done =
        patchSession(
            "ana@eu", plan, "w01-s1", "{\"status\":\"done\",\"workoutId\":\"" + RUN + "\"}");

    assertThat(done.status()).as(done.bodyText()).isEqualTo(200);
    assertThat(json(done).path("status").asString()).isEqualTo("done");
    assertThat(json(done).path("workoutId").asString()).isEqualTo(RUN);
    JsonNode mine = json(send("GET", "/v1/me/plans/" + plan, "ana@eu", null));
    assertThat(mine.at("/progress/done").asInt()).isEqualTo(1);
  }

  @Test
  void completeSession_badInput_isA4xx_andChangesNothing() {
    String plan = startTenK();
    MyPlan before = onlyPlan();

    ApiResponse othersWorkout =
        patchSession(
            "ana@eu", plan, "w01-s1", "{\"status\":\"done\",\"workoutId\":\"" + BOBS_RUN + "\"}");
    ApiResponse wrongSport =
        patchSession(
            "ana@eu", plan, "w01-s1", "{\"status\":\"done\",\"workoutId\":\"" + RIDE + "\"}");
    ApiResponse unknownSession = patchSession("ana@eu", plan, "w01-s3", "{\"status\":\"skipped\"}");
    ApiResponse noSuchWeek = patchSession("ana@eu", plan, "w42-s1", "{\"status\":\"skipped\"}");
    ApiResponse movedToThePast =
        patchSession("ana@eu", plan, "w01-s1", "{\"date\":\"2030-03-01\"}");
    ApiResponse othersPlan = patchSession("bob@eu", plan, "w01-s1", "{\"status\":\"skipped\"}");

    assertThat(othersWorkout.status()).isEqualTo(400);
    assertThat(json(othersWorkout).at("/errors/0/message").asString()).contains("not one of your");
    assertThat(wrongSport.status()).isEqualTo(400);
    assertThat(json(wrongSport).at("/errors/0/message").asString()).contains("cycling");
    assertThat(unknownSession.status()).as("optional session dropped on 3 days").isEqualTo(404);
    assertThat(noSuchWeek.status()).isEqualTo(404);
    assertThat(movedToThePast.status()).isEqualTo(400);
    assertThat(othersPlan.status()).isEqualTo(404);
    assertThat(onlyPlan()).isEqualTo(before);
  }

  @Test
  void moveSkipAndUndo_changeTheSessionsDayAndState() {
    String plan = startTenK();

    ApiResponse moved = patchSession("ana@eu", plan, "w01-s2", "{\"date\":\"2030-03-09\"}");
    assertThat(json(moved).path("date").asString()).isEqualTo("2030-03-09");
    assertThat(json(moved).path("plannedDate").asString()).isEqualTo("2030-03-07");
    assertThat(json(moved).path("status").asString()).isEqualTo("moved");

    ApiResponse skipped = patchSession("ana@eu", plan, "w01-s4", "{\"status\":\"skipped\"}");
    assertThat(json(skipped).path("status").asString()).isEqualTo("skipped");

    ApiResponse undone = patchSession("ana@eu", plan, "w01-s2", "{\"status\":\"planned\"}");
    assertThat(json(undone).path("date").asString()).isEqualTo("2030-03-07");
    assertThat(json(undone).path("status").asString()).isEqualTo("planned");
  }

  @Test
  void pauseAndResume_shiftTheScheduleByThePausedDays() {
    String plan = startTenK();
    clock.set(Instant.parse("2030-03-06T07:00:00Z")); // Wednesday

    ApiResponse paused = send("POST", "/v1/me/plans/" + plan + "/pause", "ana@eu", null);
    assertThat(paused.status()).as(paused.bodyText()).isEqualTo(200);
    assertThat(json(paused).path("status").asString()).isEqualTo("paused");
    assertThat(json(paused).has("endDate")).isFalse();
    assertThat(schedule("2030-03-06", "2030-03-12")).isEmpty();
    assertThat(send("POST", "/v1/me/plans/" + plan + "/pause", "ana@eu", null).status())
        .isEqualTo(409);

    clock.set(Instant.parse("2030-03-09T07:00:00Z")); // Saturday: 3 days paused
    ApiResponse resumed = send("POST", "/v1/me/plans/" + plan + "/resume", "ana@eu", null);

    assertThat(resumed.status()).isEqualTo(200);
    assertThat(json(resumed).path("raceDate").asString()).isEqualTo("2030-05-15");
    assertThat(schedule("2030-03-09", "2030-03-15"))
        .extracting(s -> s.path("date").asString())
        .containsExactly("2030-03-10", "2030-03-13", "2030-03-15");
  }

  @Test
  void abandon_takesThePlanOutOfTheSchedule_andIsRefusedTwice() {
    String plan = startTenK();

    assertThat(send("POST", "/v1/me/plans/" + plan + "/abandon", "ana@eu", null).status())
        .isEqualTo(200);

    assertThat(schedule("2030-03-04", "2030-03-31")).isEmpty();
    assertThat(send("POST", "/v1/me/plans/" + plan + "/abandon", "ana@eu", null).status())
        .isEqualTo(409);
    assertThat(json(send("GET", "/v1/me/plans", "ana@eu", null)).at("/plans/0/status").asString())
        .isEqualTo("abandoned");
  }

  @Test
  void schedule_refusesARangeBackwardsOrLongerThan92Days() {
    assertThat(
            send("GET", "/v1/me/schedule?from=2030-03-10&to=2030-03-09", "ana@eu", null).status())
        .isEqualTo(400);
    assertThat(
            send("GET", "/v1/me/schedule?from=2030-03-01&to=2030-06-01", "ana@eu", null).status())
        .isEqualTo(400);
    assertThat(
            send("GET", "/v1/me/schedule?from=2030-03-01&to=2030-05-31", "ana@eu", null).status())
        .isEqualTo(200);
    assertThat(send("GET", "/v1/me/schedule?from=yesterday", "ana@eu", null).status())
        .isEqualTo(400);
  }

  @Test
  void aLostRace_isRetried_onTheNewVersion() {
    String plan = startTenK();
    MyPlan current = onlyPlan();
    store.beforeNextWrite(
        () ->
            store.plans.put(
                current.id(), current.abandon(Instant.now()).withoutLog(null, Instant.now())));

    ApiResponse pause = send("POST", "/v1/me/plans/" + plan + "/pause", "ana@eu", null);

    assertThat(pause.status()).as("the retry sees the abandoned plan").isEqualTo(409);
  }

  @Test
  void aTokenOfAnotherRegion_is421() {
    assertThat(send("GET", "/v1/me/plans", "ana@us", null).status()).isEqualTo(421);
    assertThat(send("GET", "/v1/me/plans", null, null).status()).isEqualTo(401);
  }

  @Test
  void aUserFollowsAtMostFivePlans() {
    for (int i = 0; i < 5; i++) {
      assertThat(start("ana@eu", "yoga-daily-20", "\"startDate\":\"2030-03-05\"", 5, null).status())
          .isEqualTo(201);
    }

    ApiResponse sixth = start("ana@eu", "yoga-daily-20", "\"startDate\":\"2030-03-05\"", 5, null);

    assertThat(sixth.status()).isEqualTo(409);
    assertThat(store.plans).hasSize(5);
  }

  private String startTenK() {
    ApiResponse started =
        start("ana@eu", "running-10k-beginner", "\"startDate\":\"2030-03-04\"", 3, null);
    assertThat(started.status()).as(started.bodyText()).isEqualTo(201);
    return json(started).path("id").asString();
  }

  private MyPlan onlyPlan() {
    return store.list(new UserId("ana"), EU).get(0);
  }

  private List<JsonNode> schedule(String from, String to) {
    ApiResponse response =
        send("GET", "/v1/me/schedule?from=" + from + "&to=" + to, "ana@eu", null);
    assertThat(response.status()).isEqualTo(200);
    return json(response).path("sessions").values().stream().toList();
  }

  private ApiResponse start(String token, String planId, String dates, int days, String preferred) {
    return start(token, planId, dates, days, preferred, "Europe/Berlin");
  }

  private ApiResponse start(
      String token, String planId, String dates, int days, String preferred, String zone) {
    String body =
        "{\"planId\":\""
            + planId
            + "\","
            + dates
            + ",\"daysPerWeek\":"
            + days
            + (preferred == null ? "" : ",\"preferredDays\":" + preferred)
            + ",\"timeZone\":\""
            + zone
            + "\"}";
    return send("POST", "/v1/me/plans", token, body);
  }

  private ApiResponse patchSession(String token, String plan, String session, String body) {
    return send("PATCH", "/v1/me/plans/" + plan + "/sessions/" + session, token, body);
  }

  private ApiResponse send(String method, String pathAndQuery, String token, String body) {
    return send(method, pathAndQuery, token, body, Map.of());
  }

  private ApiResponse send(
      String method, String pathAndQuery, String token, String body, Map<String, String> extra) {
    Map<String, String> headers = new HashMap<>(extra);
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    String[] parts = pathAndQuery.split("\\?", 2);
    Map<String, String> query = new HashMap<>();
    if (parts.length == 2) {
      for (String pair : parts[1].split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(kv[0], kv[1]);
      }
    }
    ApiRequest request =
        new ApiRequest(
            method,
            parts[0],
            query,
            headers,
            body == null ? null : body.getBytes(StandardCharsets.UTF_8),
            "203.0.113.9",
            "req-1");
    ApiResponse response = function.apply(request);
    function
        .spec()
        .find(method, parts[0])
        .ifPresent(
            op -> assertThat(contract.violations(op, response)).as(response.bodyText()).isEmpty());
    return response;
  }

  private static JsonNode json(ApiResponse response) {
    return Json.mapper().readTree(response.body());
  }

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
