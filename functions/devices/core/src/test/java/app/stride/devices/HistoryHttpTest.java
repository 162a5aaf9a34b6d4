package app.stride.devices;

import static app.stride.devices.application.service.HistoryTestData.aWorkout;
import static app.stride.devices.application.service.HistoryTestData.anActivity;
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
import app.stride.devices.application.service.MemoryConnections;
import app.stride.devices.application.service.MemoryErasedAccounts;
import app.stride.devices.application.service.MemoryRecordedWorkouts;
import app.stride.devices.application.service.MemoryStores;
import app.stride.devices.connection.LocalAesGcmTokenCipher;
import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.UserId;
import app.stride.devices.domain.WorkoutSummary;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /v1/history} through the HTTP function, every answer checked against the spec. */
class HistoryHttpTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final Instant NOW = Instant.parse("2026-09-30T12:00:00Z");
  private static final UserId ANA = new UserId("ana");
  private static final Duration HOUR = Duration.ofHours(1);
  private static final TokenVerifier VERIFIER =
      token -> {
        String[] parts = token.split("@");
        if (parts.length != 2) {
          throw new ProblemException(ProblemType.UNAUTHORIZED, "bad token");
        }
        return new Principal(parts[0], RegionId.of(parts[1]), Set.of(), "jti");
      };

  private final MemoryStores stores = new MemoryStores();
  private final MemoryRecordedWorkouts workouts = new MemoryRecordedWorkouts();
  private final ApiFunction function =
      DevicesFunctions.http(
          new DevicesFunctions.Ports(
              stores,
              stores,
              stores,
              stores,
              (kind, key, body) -> {},
              stores::publish,
              new MemoryConnections(),
              LocalAesGcmTokenCipher.of("test", Secret.ofBytes(new byte[32])),
              workouts,
              new MemoryErasedAccounts()),
          Map.of("STRIDE_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32])),
          VERIFIER,
          EU,
          Clock.fixed(NOW, ZoneOffset.UTC));
  private final RequestValidator specValidator =
      new RequestValidator(OpenApiSpec.read("mobile-api", ApiSpecs.mobileApi()));
  private final ResponseValidator contract = new ResponseValidator(specValidator);

  @Test
  void history_listsTheMergedSessionOnce_andAWorkoutAlone_newestFirst() {
    Instant start = NOW.minus(Duration.ofDays(2));
    Activity run = store(anActivity(ANA, start.plusSeconds(20), HOUR, 10_050.0));
    WorkoutSummary sameRun = aWorkout(start, HOUR, 10_000.0);
    WorkoutSummary yoga =
        new WorkoutSummary(
            "w_01jd8x4m2q7r5t9v3w6y8z0a1c",
            "yoga",
            start.minus(Duration.ofDays(1)),
            ZoneOffset.ofHours(2),
            Duration.ofMinutes(20),
            null,
            null);
    workouts.add(ANA, sameRun).add(ANA, yoga);

    JsonNode page = json(get("ana@eu", Map.of()), 200);

    JsonNode entries = page.path("entries");
    assertThat(entries).hasSize(2);
    assertThat(entries.path(0).path("kind").asString()).isEqualTo("activity");
    assertThat(entries.path(0).path("id").asString()).isEqualTo(run.id().value());
    assertThat(entries.path(0).path("workoutId").asString()).isEqualTo(sameRun.workoutId());
    assertThat(entries.path(0).path("distanceMeters").asDouble()).isEqualTo(10_050.0);
    assertThat(entries.path(0).path("elapsedSeconds").asDouble()).isEqualTo(3600.0);
    assertThat(entries.path(0).path("providers").toString()).isEqualTo("[\"garmin\"]");
    assertThat(entries.path(1).path("kind").asString()).isEqualTo("workout");
    assertThat(entries.path(1).path("id").asString()).isEqualTo(yoga.workoutId());
    assertThat(entries.path(1).path("utcOffset").asString()).isEqualTo("+02:00");
    assertThat(entries.path(1).has("providers")).isFalse();
    assertThat(page.has("nextCursor")).isFalse();
  }

  @Test
  void pages_followTheCursor_andAnEditedCursorIs400() {
    for (int day = 1; day <= 3; day++) {
      workouts.add(ANA, aWorkout(NOW.minus(Duration.ofDays(day)), HOUR, null));
    }

    JsonNode first = json(get("ana@eu", Map.of("limit", "2")), 200);
    String cursor = first.path("nextCursor").asString();
    JsonNode second = json(get("ana@eu", Map.of("limit", "2", "cursor", cursor)), 200);

    assertThat(first.path("entries")).hasSize(2);
    assertThat(second.path("entries")).hasSize(1);
    assertThat(second.has("nextCursor")).isFalse();
    assertProblem(
        get("ana@eu", Map.of("cursor", "x" + cursor.substring(1))), 400, "validation-failed");
    assertProblem(get("ben@eu", Map.of("cursor", cursor)), 400, "validation-failed");
  }

  @Test
  void badParameters_are400_andNoToken_is401() {
    assertProblem(get("ana@eu", Map.of("from", "yesterday")), 400, "validation-failed");
    assertProblem(get("ana@eu", Map.of("limit", "101")), 400, "validation-failed");
    assertProblem(
        get("ana@eu", Map.of("from", "2024-01-01T00:00:00Z", "to", "2026-01-01T00:00:00Z")),
        400,
        "validation-failed");
    assertProblem(get(null, Map.of()), 401, "unauthorized");
    assertThat(workouts.reads).isZero();
  }

  private Activity store(Activity activity) {
    stores.activities.put(activity.userId() + "/" + activity.id(), activity);
    return activity;
  }

  private ApiResponse get(String token, Map<String, String> query) {
    Map<String, String> headers = new HashMap<>();
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    ApiResponse response =
        function.apply(
            new ApiRequest(
                "GET", "/v1/history", query, headers, new byte[0], "203.0.113.9", "req-1"));
    assertThat(contract.violations(specValidator.route("GET", "/v1/history"), response))
        .as("GET /v1/history %s answered per the spec", query)
        .isEmpty();
    return response;
  }

  private static JsonNode json(ApiResponse response, int status) {
    assertThat(response.status())
        .as(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(status);
    return Json.mapper().readTree(response.body());
  }

  private static void assertProblem(ApiResponse response, int status, String type) {
    assertThat(response.status())
        .as(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(status);
    assertThat(Json.mapper().readTree(response.body()).path("type").asString())
        .isEqualTo(ProblemType.BASE + type);
  }
}
