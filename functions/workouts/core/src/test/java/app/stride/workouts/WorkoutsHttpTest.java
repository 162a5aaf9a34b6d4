package app.stride.workouts;

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
import app.stride.core.trigger.ScheduledTick;
import app.stride.workouts.domain.UnitSystem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The workouts HTTP function end to end in memory: spec validation, token, use case, plausibility,
 * idempotency, overlap, ETags, history cursors, events, and every response checked against the
 * spec.
 */
class WorkoutsHttpTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String MARATHON =
      """
      {"sport":"running","title":"Spring marathon","startTime":"2026-03-14T07:00:00Z",
       "timeZone":"Europe/Berlin","durationSeconds":9000,"distance":{"value":42.195,"unit":"km"},
       "elevationGain":{"value":120,"unit":"m"},"averageHeartRate":165,"maxHeartRate":182,
       "perceivedEffort":9,"notes":"Negative split."}
      """;

  /** Tokens are "<user>@<region>"; the real verifier is tested in shared-core. */
  private static final TokenVerifier VERIFIER =
      token -> {
        String[] parts = token.split("@");
        if (parts.length != 2) {
          throw new ProblemException(ProblemType.UNAUTHORIZED, "bad token");
        }
        return new Principal(parts[0], RegionId.of(parts[1]), Set.of(), "jti");
      };

  private final InMemoryWorkoutStore store = new InMemoryWorkoutStore(EU);
  private final RecordingPublisher events = new RecordingPublisher();
  private final Map<String, UnitSystem> profileUnits = new HashMap<>();
  private final ApiFunction function =
      WorkoutsFunctions.http(
          store,
          (user, home) -> profileUnits.getOrDefault(user.value(), UnitSystem.METRIC),
          events,
          VERIFIER,
          EU,
          CLOCK);
  private final RequestValidator specValidator =
      new RequestValidator(OpenApiSpec.read("mobile-api", ApiSpecs.mobileApi()));
  private final ResponseValidator contract = new ResponseValidator(specValidator);

  @Test
  void record_201_storesSI_answersETagLocationAndDisplay_andEmitsRecorded() {
    ApiResponse response = post("ana@eu", MARATHON, Map.of());

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("ETag")).isEqualTo("\"1\"");
    JsonNode body = json(response);
    String id = body.path("workoutId").asString();
    assertThat(response.header("Location")).isEqualTo("/v1/me/workouts/" + id);
    assertThat(body.path("distanceMeters").asDouble()).isEqualTo(42195.0);
    assertThat(body.path("display").path("units").asString()).isEqualTo("metric");
    assertThat(body.path("display").path("pace").path("value").asInt()).isEqualTo(213);
    assertThat(body.path("display").path("startLocal").asString())
        .isEqualTo("2026-03-14T08:00:00+01:00");
    assertThat(events.types()).containsExactly("app.stride.workout.v1.recorded");
    assertThat(events.bodies().get(0))
        .contains(id, "\"distanceMeters\":42195.0")
        .doesNotContain("Negative split", "averageHeartRate");
    assertThat(store.pendingCount()).isZero();
  }

  @Test
  void record_inTheProfilesImperialUnits_storesSI_andDisplaysMiles() {
    profileUnits.put("bob", UnitSystem.IMPERIAL);

    ApiResponse response =
        post(
            "bob@eu",
            """
            {"sport":"running","startTime":"2026-03-14T07:00:00Z","timeZone":"America/New_York",
             "durationSeconds":3000,"distance":{"value":6.2},"elevationGain":{"value":300}}
            """,
            Map.of());

    assertThat(response.status()).isEqualTo(201);
    JsonNode body = json(response);
    assertThat(body.path("distanceMeters").asDouble()).isEqualTo(9977.9);
    assertThat(body.path("elevationGainMeters").asDouble()).isEqualTo(91.4);
    JsonNode display = body.path("display");
    assertThat(display.path("units").asString()).isEqualTo("imperial");
    assertThat(display.path("distance").path("value").asDouble()).isEqualTo(6.2);
    assertThat(display.path("distance").path("unit").asString()).isEqualTo("mi");
    assertThat(display.path("elevationGain").path("value").asDouble()).isEqualTo(300.0);
    assertThat(display.path("pace").path("unit").asString()).isEqualTo("s/mi");
  }

  @Test
  void record_retriedWithTheSameIdempotencyKey_returnsTheSameWorkout_andRecordsOnce() {
    Map<String, String> key = Map.of("Idempotency-Key", "5f0c9a8e-1b7d-4f0e-a1c3-2d9b8e7f6a51");
    ApiResponse first = post("ana@eu", MARATHON, key);

    ApiResponse retry = post("ana@eu", MARATHON, key);

    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(json(retry).path("workoutId").asString())
        .isEqualTo(json(first).path("workoutId").asString());
    assertThat(store.workouts).hasSize(1);
    assertThat(events.published).hasSize(1);
  }

  @Test
  void record_sameIdempotencyKeyWithAnotherWorkout_is409_andRecordsNothing() {
    Map<String, String> key = Map.of("Idempotency-Key", "key-0000000001");
    post("ana@eu", MARATHON, key);

    ApiResponse other =
        post(
            "ana@eu",
            MARATHON.replace("\"durationSeconds\":9000", "\"durationSeconds\":9100"),
            key);

    assertThat(other.status()).isEqualTo(409);
    assertThat(json(other).path("detail").asString()).contains("Idempotency-Key");
    assertThat(store.workouts).hasSize(1);
  }

  @Test
  void record_overlappingAnotherWorkout_is409_namingIt() {
    String first = json(post("ana@eu", MARATHON, Map.of())).path("workoutId").asString();

    ApiResponse overlapping =
        post(
            "ana@eu",
            """
            {"sport":"cycling","startTime":"2026-03-14T09:00:00Z","timeZone":"Europe/Berlin",
             "durationSeconds":3600}
            """,
            Map.of());

    assertThat(overlapping.status()).isEqualTo(409);
    assertThat(json(overlapping).path("type").asString())
        .isEqualTo("https://stride.app/problems/conflict");
    assertThat(json(overlapping).path("detail").asString()).contains(first, "running");
    assertThat(store.workouts).hasSize(1);
  }

  @Test
  void record_rightAfterAnotherWorkout_isNoOverlap() {
    post("ana@eu", MARATHON, Map.of());

    ApiResponse after =
        post(
            "ana@eu",
            """
            {"sport":"walking","startTime":"2026-03-14T09:30:00Z","timeZone":"Europe/Berlin",
             "durationSeconds":600}
            """,
            Map.of());

    assertThat(after.status()).isEqualTo(201);
  }

  @Test
  void record_aThirtyMinuteMarathon_is400_withTheReason() {
    ApiResponse response =
        post(
            "ana@eu",
            MARATHON.replace("\"durationSeconds\":9000", "\"durationSeconds\":1800"),
            Map.of());

    assertThat(response.status()).isEqualTo(400);
    JsonNode error = json(response).path("errors").get(0);
    assertThat(error.path("pointer").asString()).isEqualTo("/distance");
    assertThat(error.path("message").asString()).contains("world record", "2:00:35");
    assertThat(store.workouts).isEmpty();
    assertThat(events.published).isEmpty();
  }

  @Test
  void badInputs_getProblems_andWriteNothing() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("unknown sport", MARATHON.replace("\"running\"", "\"quidditch\""));
    cases.put("negative duration", MARATHON.replace("9000", "-60"));
    cases.put("absurd duration", MARATHON.replace("9000", "900000"));
    cases.put("negative distance", MARATHON.replace("42.195", "-5"));
    cases.put("unknown unit", MARATHON.replace("\"km\"", "\"furlong\""));
    cases.put("malformed start", MARATHON.replace("2026-03-14T07:00:00Z", "14/03/2026 07:00"));
    cases.put(
        "start in the future", MARATHON.replace("2026-03-14T07:00:00Z", "2026-03-15T07:00:00Z"));
    cases.put("unknown zone", MARATHON.replace("Europe/Berlin", "Europe/Atlantis"));
    cases.put("offset as zone", MARATHON.replace("Europe/Berlin", "+01:00"));
    cases.put("absurd heart rate", MARATHON.replace("182", "320"));
    cases.put("max below average", MARATHON.replace("182", "150"));
    cases.put("effort 11", MARATHON.replace("\"perceivedEffort\":9", "\"perceivedEffort\":11"));
    cases.put("notes too long", MARATHON.replace("Negative split.", "x".repeat(2001)));
    cases.put("unknown field", MARATHON.replace("\"sport\"", "\"isRace\":true,\"sport\""));
    cases.put("missing zone", MARATHON.replace("\"timeZone\":\"Europe/Berlin\",", ""));
    cases.put("yoga with distance", MARATHON.replace("\"running\"", "\"yoga\""));
    cases.put("malformed json", "{\"sport\":");

    cases.forEach(
        (what, body) -> {
          ApiResponse response = post("ana@eu", body, Map.of());
          assertThat(response.status()).as(what).isEqualTo(400);
          assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        });
    assertThat(store.workouts).isEmpty();
    assertThat(events.published).isEmpty();
  }

  @Test
  void record_withAMalformedIdempotencyKey_is400_onTheHeader() {
    ApiResponse response = post("ana@eu", MARATHON, Map.of("Idempotency-Key", "x"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(json(response).at("/errors/0/pointer").asString())
        .isEqualTo("header:Idempotency-Key");
    assertThat(store.workouts).isEmpty();
  }

  @Test
  void get_returnsTheWorkout_andSomeoneElsesOrAMalformedIdIs404() {
    String id = json(post("ana@eu", MARATHON, Map.of())).path("workoutId").asString();

    assertThat(send("GET", "/v1/me/workouts/" + id, "ana@eu", null, Map.of()).status())
        .isEqualTo(200);
    assertThat(send("GET", "/v1/me/workouts/" + id, "mallory@eu", null, Map.of()).status())
        .isEqualTo(404);
    assertThat(send("GET", "/v1/me/workouts/not-an-id", "ana@eu", null, Map.of()).status())
        .isEqualTo(404);
    assertThat(send("DELETE", "/v1/me/workouts/" + id, "mallory@eu", null, Map.of()).status())
        .isEqualTo(404);
    assertThat(store.workouts).hasSize(1);
  }

  @Test
  void patch_changesFields_bumpsTheVersion_andNamesTheChangedFields() {
    String id = json(post("ana@eu", MARATHON, Map.of())).path("workoutId").asString();

    ApiResponse response =
        patch(id, "{\"distance\":{\"value\":42.2},\"notes\":null}", Map.of("If-Match", "\"1\""));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("ETag")).isEqualTo("\"2\"");
    JsonNode body = json(response);
    assertThat(body.path("distanceMeters").asDouble()).isEqualTo(42200.0);
    assertThat(body.has("notes")).isFalse();
    assertThat(body.path("title").asString()).isEqualTo("Spring marathon");
    assertThat(events.types())
        .containsExactly("app.stride.workout.v1.recorded", "app.stride.workout.v1.updated");
    assertThat(events.bodies().get(1)).contains("\"changedFields\":[\"distanceMeters\",\"notes\"]");
  }

  @Test
  void patch_withAStaleIfMatch_is412_andChangesNothing() {
    String id = json(post("ana@eu", MARATHON, Map.of())).path("workoutId").asString();
    patch(id, "{\"title\":\"v2\"}", Map.of());

    ApiResponse stale = patch(id, "{\"title\":\"v3\"}", Map.of("If-Match", "\"1\""));

    assertThat(stale.status()).isEqualTo(412);
    assertThat(store.workouts.values().iterator().next().draft().title()).isEqualTo("v2");
  }

  @Test
  void patch_thatMakesTheWorkoutImpossibleOrRemovesARequiredField_is400() {
    String id = json(post("ana@eu", MARATHON, Map.of())).path("workoutId").asString();

    assertThat(patch(id, "{\"durationSeconds\":1800}", Map.of()).status()).isEqualTo(400);
    assertThat(patch(id, "{\"timeZone\":null}", Map.of()).status()).isEqualTo(400);
    assertThat(patch(id, "{}", Map.of()).status()).isEqualTo(400);
    assertThat(store.workouts.values().iterator().next().version()).isEqualTo(1);
  }

  @Test
  void patch_identicalContent_writesNothing() {
    String id = json(post("ana@eu", MARATHON, Map.of())).path("workoutId").asString();

    ApiResponse same = patch(id, "{\"title\":\"Spring marathon\"}", Map.of());

    assertThat(same.header("ETag")).isEqualTo("\"1\"");
    assertThat(events.published).hasSize(1);
  }

  @Test
  void concurrentWriter_makesConditionalPatchFail412_butUnconditionalPatchRetries() {
    String id = json(post("ana@eu", MARATHON, Map.of())).path("workoutId").asString();
    store.beforeNextWrite(() -> patch(id, "{\"title\":\"other device\"}", Map.of()));

    assertThat(patch(id, "{\"notes\":\"n\"}", Map.of("If-Match", "\"1\"")).status()).isEqualTo(412);

    store.beforeNextWrite(() -> patch(id, "{\"title\":\"third device\"}", Map.of()));
    JsonNode body = json(patch(id, "{\"notes\":\"kept\"}", Map.of()));
    assertThat(body.path("title").asString()).isEqualTo("third device");
    assertThat(body.path("notes").asString()).isEqualTo("kept");
  }

  @Test
  void delete_204_thenGetIs404_andDeletedEventSent_staleIfMatchIs412() {
    String id = json(post("ana@eu", MARATHON, Map.of())).path("workoutId").asString();

    assertThat(
            send("DELETE", "/v1/me/workouts/" + id, "ana@eu", null, Map.of("If-Match", "\"7\""))
                .status())
        .isEqualTo(412);
    assertThat(
            send("DELETE", "/v1/me/workouts/" + id, "ana@eu", null, Map.of("If-Match", "\"1\""))
                .status())
        .isEqualTo(204);

    assertThat(send("GET", "/v1/me/workouts/" + id, "ana@eu", null, Map.of()).status())
        .isEqualTo(404);
    assertThat(events.types()).last().isEqualTo("app.stride.workout.v1.deleted");
  }

  @Test
  void history_isNewestFirst_pagedByCursor_andStableUnderInserts() {
    for (int day = 1; day <= 5; day++) {
      post("ana@eu", yogaOn(day), Map.of());
    }

    JsonNode first = json(list("ana@eu", "limit=2"));
    assertThat(starts(first)).containsExactly("2026-03-05T06:00:00Z", "2026-03-04T06:00:00Z");
    post("ana@eu", yogaOn(6), Map.of());
    post("ana@eu", yogaOn(3).replace("06:00", "18:00"), Map.of());
    JsonNode second = json(list("ana@eu", "limit=2&cursor=" + first.path("nextCursor").asString()));
    JsonNode third = json(list("ana@eu", "limit=2&cursor=" + second.path("nextCursor").asString()));

    assertThat(starts(second)).containsExactly("2026-03-03T18:00:00Z", "2026-03-03T06:00:00Z");
    assertThat(starts(third)).containsExactly("2026-03-02T06:00:00Z", "2026-03-01T06:00:00Z");
    assertThat(third.has("nextCursor")).isFalse();
  }

  @Test
  void history_filtersBySportAndTime() {
    for (int day = 1; day <= 4; day++) {
      post("ana@eu", yogaOn(day), Map.of());
    }
    post("ana@eu", MARATHON, Map.of());

    assertThat(starts(json(list("ana@eu", "sport=running"))))
        .containsExactly("2026-03-14T07:00:00Z");
    assertThat(
            starts(
                json(
                    list(
                        "ana@eu", "sport=yoga&from=2026-03-02T00:00:00Z&to=2026-03-04T06:00:00Z"))))
        .containsExactly("2026-03-03T06:00:00Z", "2026-03-02T06:00:00Z");
    assertThat(starts(json(list("bob@eu", "")))).isEmpty();
  }

  @Test
  void history_refusesAForgedOrForeignCursor_andBadParameters() {
    for (int day = 1; day <= 3; day++) {
      post("ana@eu", yogaOn(day), Map.of());
    }
    String cursor = json(list("ana@eu", "limit=1")).path("nextCursor").asString();
    String forged =
        cursor.substring(0, cursor.indexOf('.'))
            + ".AAAA"
            + cursor.substring(cursor.indexOf('.') + 5);

    for (String query :
        List.of(
            "cursor=" + forged,
            "cursor=bm90LWEtY3Vyc29y",
            "limit=1&sport=yoga&cursor=" + cursor,
            "limit=0",
            "limit=abc",
            "sport=quidditch",
            "from=yesterday",
            "from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z")) {
      ApiResponse response = list("ana@eu", query);
      assertThat(response.status()).as(query).isEqualTo(400);
      assertThat(json(response).at("/errors/0/pointer").asString()).as(query).startsWith("query:");
    }
    assertThat(list("bob@eu", "cursor=" + cursor).status()).isEqualTo(400);
  }

  @Test
  void eventTransportDown_keepsTheWrite_andTheRelayPublishesLater() {
    events.down = true;

    assertThat(post("ana@eu", MARATHON, Map.of()).status()).isEqualTo(201);
    assertThat(store.pendingCount()).isEqualTo(1);

    events.down = false;
    WorkoutsFunctions.outboxRelay(store, events, EU)
        .accept(new ScheduledTick("t1", "workouts-outbox", NOW));

    assertThat(events.types()).containsExactly("app.stride.workout.v1.recorded");
    assertThat(store.pendingCount()).isZero();
  }

  @Test
  void missingToken_is401_andTokenOfAnotherRegion_is421() {
    assertThat(send("GET", "/v1/me/workouts", null, null, Map.of()).status()).isEqualTo(401);
    assertThat(post("bob@us", MARATHON, Map.of()).status()).isEqualTo(421);
    assertThat(store.workouts).isEmpty();
  }

  private static String yogaOn(int day) {
    return """
        {"sport":"yoga","startTime":"2026-03-0%dT06:00:00Z","timeZone":"Europe/Berlin",
         "durationSeconds":1200}
        """
        .formatted(day);
  }

  private static List<String> starts(JsonNode page) {
    List<String> starts = new ArrayList<>();
    page.path("items").forEach(item -> starts.add(item.path("startTime").asString()));
    return starts;
  }

  private ApiResponse post(String token, String body, Map<String, String> headers) {
    return send("POST", "/v1/me/workouts", token, body, headers);
  }

  private ApiResponse patch(String id, String body, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Content-Type", "application/merge-patch+json");
    return send("PATCH", "/v1/me/workouts/" + id, "ana@eu", body, all);
  }

  private ApiResponse list(String token, String query) {
    return send("GET", "/v1/me/workouts?" + query, token, null, Map.of());
  }

  private ApiResponse send(
      String method, String target, String token, String body, Map<String, String> headers) {
    ApiResponse response = sendUnchecked(method, target, token, body, headers);
    String path = target.split("\\?", 2)[0];
    List<String> violations = contract.violations(specValidator.route(method, path), response);
    assertThat(violations).as("response conforms to the spec: " + response.bodyText()).isEmpty();
    return response;
  }

  private ApiResponse sendUnchecked(
      String method, String target, String token, String body, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>();
    all.put("Content-Type", "application/json");
    if (token != null) {
      all.put("Authorization", "Bearer " + token);
    }
    all.putAll(headers);
    String[] pathAndQuery = target.split("\\?", 2);
    Map<String, String> query = new HashMap<>();
    if (pathAndQuery.length > 1 && !pathAndQuery[1].isEmpty()) {
      for (String pair : pathAndQuery[1].split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    ApiRequest request =
        new ApiRequest(
            method,
            pathAndQuery[0],
            query,
            all,
            body == null ? null : body.getBytes(StandardCharsets.UTF_8),
            "127.0.0.1",
            "req");
    return function.apply(request);
  }

  private static JsonNode json(ApiResponse response) {
    return Json.mapper().readTree(response.body());
  }
}
