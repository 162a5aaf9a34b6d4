package app.stride.profiles;

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
import app.stride.profiles.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The profiles HTTP function end to end in memory: spec validation, token, use case, problems,
 * ETags, events, and every response checked against the spec.
 */
class ProfilesHttpTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
  private static final String RUNNER =
      """
      {"displayName":"Ana Runner","about":"Trail runner","birthYear":1990,"sex":"female",
       "heightCm":168,"weightKg":57.5,
       "goals":{"text":"Sub-4 marathon","targetEvent":{"name":"Berlin Marathon","date":"2027-09-26","distanceM":42195},
                "weeklyVolume":{"distanceM":50000,"durationMin":300}},
       "preferences":{"units":"metric","language":"pt-BR","sports":["running","yoga"],"activityPrivacy":"followers"}}
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

  private final InMemoryProfileStore store = new InMemoryProfileStore(EU);
  private final RecordingPublisher events = new RecordingPublisher();
  private final ApiFunction function = ProfilesFunctions.http(store, events, VERIFIER, EU, CLOCK);
  private final RequestValidator specValidator =
      new RequestValidator(OpenApiSpec.read("mobile-api", ApiSpecs.mobileApi()));
  private final ResponseValidator contract = new ResponseValidator(specValidator);

  @Test
  void put_createsProfile_201_withETag_andOneCreatedEvent() {
    ApiResponse response = send("PUT", "ana@eu", RUNNER, Map.of());

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("ETag")).isEqualTo("\"1\"");
    JsonNode body = json(response);
    assertThat(body.path("displayName").asString()).isEqualTo("Ana Runner");
    assertThat(body.path("goals").path("targetEvent").path("distanceM").asDouble())
        .isEqualTo(42195);
    assertThat(body.path("preferences").path("sports").toString())
        .isEqualTo("[\"running\",\"yoga\"]");
    assertThat(events.bodies()).singleElement().asString().contains("\"change\":\"created\"");
    assertThat(store.pending.get(new UserId("ana"))).isEmpty();
  }

  @Test
  void get_returnsStoredProfile_andMissingProfileIs404() {
    assertThat(send("GET", "ana@eu", null, Map.of()).status()).isEqualTo(404);
    send("PUT", "ana@eu", RUNNER, Map.of());

    ApiResponse response = send("GET", "ana@eu", null, Map.of());

    assertThat(response.status()).isEqualTo(200);
    assertThat(json(response).path("preferences").path("language").asString()).isEqualTo("pt-BR");
  }

  @Test
  void put_withStaleIfMatch_is412_andChangesNothing() {
    send("PUT", "ana@eu", RUNNER, Map.of());
    send(
        "PATCH",
        "ana@eu",
        "{\"about\":\"v2\"}",
        Map.of("Content-Type", "application/merge-patch+json"));
    int eventsBefore = events.published.size();

    ApiResponse response =
        send("PUT", "ana@eu", RUNNER.replace("Ana Runner", "Mallory"), Map.of("If-Match", "\"1\""));

    assertThat(response.status()).isEqualTo(412);
    assertThat(store.profiles.get(new UserId("ana")).displayName()).isEqualTo("Ana Runner");
    assertThat(events.published).hasSize(eventsBefore);
  }

  @Test
  void put_ifNoneMatchStar_refusesToOverwrite() {
    send("PUT", "ana@eu", RUNNER, Map.of());

    assertThat(send("PUT", "ana@eu", RUNNER, Map.of("If-None-Match", "*")).status()).isEqualTo(412);
  }

  @Test
  void patch_mergesAndRemovesFields_andNamesChangedFieldsInEvent() {
    send("PUT", "ana@eu", RUNNER, Map.of());

    ApiResponse response =
        send(
            "PATCH",
            "ana@eu",
            "{\"about\":null,\"weightKg\":56,\"preferences\":{\"units\":\"imperial\"}}",
            Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"1\""));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("ETag")).isEqualTo("\"2\"");
    JsonNode body = json(response);
    assertThat(body.has("about")).isFalse();
    assertThat(body.path("weightKg").asDouble()).isEqualTo(56.0);
    assertThat(body.path("preferences").path("units").asString()).isEqualTo("imperial");
    assertThat(body.path("preferences").path("language").asString()).isEqualTo("pt-BR");
    assertThat(events.bodies().get(1))
        .contains("\"change\":\"patched\"")
        .contains("\"about\"", "\"weightKg\"", "\"preferences\"")
        .doesNotContain("displayName");
  }

  @Test
  void patch_thatBreaksTheSchemaAfterMerging_is400_andChangesNothing() {
    send("PUT", "ana@eu", RUNNER, Map.of());

    ApiResponse response =
        send(
            "PATCH",
            "ana@eu",
            "{\"preferences\":{\"units\":\"furlongs\"}}",
            Map.of("Content-Type", "application/merge-patch+json"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(store.profiles.get(new UserId("ana")).version()).isEqualTo(1);
  }

  @Test
  void put_identicalContent_writesNothing_andEmitsNoEvent() {
    send("PUT", "ana@eu", RUNNER, Map.of());

    ApiResponse again = send("PUT", "ana@eu", RUNNER, Map.of());

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("ETag")).isEqualTo("\"1\"");
    assertThat(events.published).hasSize(1);
  }

  @Test
  void delete_removesProfile_204_thenGetIs404_andDeletedEventSent() {
    send("PUT", "ana@eu", RUNNER, Map.of());

    assertThat(send("DELETE", "ana@eu", null, Map.of("If-Match", "\"1\"")).status()).isEqualTo(204);

    assertThat(send("GET", "ana@eu", null, Map.of()).status()).isEqualTo(404);
    assertThat(store.profiles).isEmpty();
    assertThat(events.bodies().get(1)).contains("\"change\":\"deleted\"");
  }

  @Test
  void badInputs_getProblems_andWriteNothing() {
    Map<String, Integer> cases = new HashMap<>();
    cases.put("{\"displayName\":", 400);
    cases.put("{\"displayName\":42}", 400);
    cases.put("{\"displayName\":\"A\",\"preferences\":{\"units\":\"parsecs\"}}", 400);
    cases.put("{\"displayName\":\"A\",\"isAdmin\":true}", 400);
    cases.put("{\"displayName\":\"A\",\"birthYear\":2020}", 400);
    cases.put("{\"displayName\":\"   \"}", 400);
    cases.put("{\"displayName\":\"A\",\"preferences\":{\"language\":\"xx-123456789\"}}", 400);
    cases.put("{\"displayName\":\"" + "x".repeat(70 * 1024) + "\"}", 413);

    cases.forEach(
        (body, status) -> {
          ApiResponse response = send("PUT", "ana@eu", body, Map.of());
          assertThat(response.status())
              .as(body.substring(0, Math.min(body.length(), 60)))
              .isEqualTo(status);
          assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        });
    assertThat(send("PUT", "ana@eu", RUNNER, Map.of("Content-Type", "text/plain")).status())
        .isEqualTo(415);
    assertThat(store.profiles).isEmpty();
    assertThat(events.published).isEmpty();
  }

  @Test
  void missingOrBadToken_is401() {
    assertThat(send("GET", null, null, Map.of()).status()).isEqualTo(401);
    assertThat(send("GET", "garbage", null, Map.of()).status()).isEqualTo(401);
  }

  @Test
  void tokenOfAnotherRegion_is421_andTouchesNoStore() {
    ApiResponse response = send("PUT", "bob@us", RUNNER, Map.of());

    assertThat(response.status()).isEqualTo(421);
    assertThat(json(response).path("type").asString())
        .isEqualTo("https://stride.app/problems/wrong-region");
    assertThat(store.profiles).isEmpty();
  }

  @Test
  void concurrentWriter_makesConditionalPatchFail412_butUnconditionalPatchRetries() {
    send("PUT", "ana@eu", RUNNER, Map.of());
    store.beforeNextWrite(
        () ->
            send(
                "PATCH",
                "ana@eu",
                "{\"about\":\"other device\"}",
                Map.of("Content-Type", "application/merge-patch+json")));

    ApiResponse conditional =
        send(
            "PATCH",
            "ana@eu",
            "{\"weightKg\":60}",
            Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"1\""));

    assertThat(conditional.status()).isEqualTo(412);
    store.beforeNextWrite(
        () ->
            send(
                "PATCH",
                "ana@eu",
                "{\"about\":\"third device\"}",
                Map.of("Content-Type", "application/merge-patch+json")));
    ApiResponse unconditional =
        send(
            "PATCH",
            "ana@eu",
            "{\"weightKg\":61}",
            Map.of("Content-Type", "application/merge-patch+json"));
    assertThat(unconditional.status()).isEqualTo(200);
    JsonNode body = json(unconditional);
    assertThat(body.path("about").asString()).isEqualTo("third device");
    assertThat(body.path("weightKg").asDouble()).isEqualTo(61.0);
  }

  @Test
  void eventTransportDown_keepsTheWrite_andTheRelayPublishesLater() {
    events.down = true;

    assertThat(send("PUT", "ana@eu", RUNNER, Map.of()).status()).isEqualTo(201);
    assertThat(store.pending.get(new UserId("ana"))).hasSize(1);

    events.down = false;
    ProfilesFunctions.outboxRelay(store, events, EU)
        .accept(new ScheduledTick("t1", "profiles-outbox", CLOCK.instant()));

    assertThat(events.bodies()).singleElement().asString().contains("\"change\":\"created\"");
    assertThat(store.pending.get(new UserId("ana"))).isEmpty();
  }

  private ApiResponse send(String method, String token, String body, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>();
    all.put("Content-Type", "application/json");
    if (token != null) {
      all.put("Authorization", "Bearer " + token);
    }
    all.putAll(headers);
    ApiRequest request =
        new ApiRequest(
            method,
            "/v1/me/profile",
            Map.of(),
            all,
            body == null ? null : body.getBytes(StandardCharsets.UTF_8),
            "127.0.0.1",
            "req");
    ApiResponse response = function.apply(request);
    List<String> violations =
        contract.violations(specValidator.route(method, "/v1/me/profile"), response);
    assertThat(violations).as("response conforms to the spec: " + response.bodyText()).isEmpty();
    return response;
  }

  private static JsonNode json(ApiResponse response) {
    return Json.mapper().readTree(response.body());
  }
}
