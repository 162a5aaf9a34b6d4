package app.stride.social;

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
import app.stride.core.store.CursorSeal;
import app.stride.social.application.port.out.MessageDeliveryPort;
import app.stride.social.application.port.out.MessageDeliveryPort.ChatChange;
import app.stride.social.domain.RandomIds;
import app.stride.social.testing.InMemorySocialStores;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The social HTTP function of region {@code eu} in memory, every answer checked against the spec.
 * Tokens are {@code <user>@<region>}: any region's caller is accepted, as the real verifier does
 * with every region's keys.
 */
final class SocialHarness {
  static final RegionId EU = RegionId.of("eu");

  private static final RequestValidator SPEC =
      new RequestValidator(OpenApiSpec.read("mobile-api", ApiSpecs.mobileApi()));

  private static final TokenVerifier VERIFIER =
      token -> {
        String[] parts = token.split("@");
        if (parts.length != 2) {
          throw new ProblemException(ProblemType.UNAUTHORIZED, "bad token");
        }
        return new Principal(parts[0], RegionId.of(parts[1]), Set.of(), "jti");
      };

  final InMemorySocialStores stores = new InMemorySocialStores();
  final List<ChatChange> delivered = new ArrayList<>();
  final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
  final ApiFunction function;
  private final ResponseValidator contract = new ResponseValidator(SPEC);

  SocialHarness() {
    this(null);
  }

  /** A harness whose deliveries go to {@code delivery} (null: recorded in {@link #delivered}). */
  SocialHarness(MessageDeliveryPort delivery) {
    function =
        SocialFunctions.http(
            stores.ports(),
            delivery == null ? delivered::add : delivery,
            VERIFIER,
            EU,
            new CursorSeal(
                "a-cursor-key-for-tests-only-32-bytes!".getBytes(StandardCharsets.UTF_8)),
            new RandomIds(new Random(42)),
            clock);
  }

  ApiResponse send(String method, String path, String caller, String body) {
    return send(method, path, caller, body, Map.of());
  }

  ApiResponse send(
      String method, String path, String caller, String body, Map<String, String> query) {
    Map<String, String> headers = new HashMap<>();
    if (caller != null) {
      headers.put("Authorization", "Bearer " + caller);
    }
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    ApiRequest request =
        new ApiRequest(
            method,
            path,
            query,
            headers,
            body == null ? null : body.getBytes(StandardCharsets.UTF_8),
            "198.51.100.7",
            "req-1");
    ApiResponse response = function.apply(request);
    assertThat(contract.violations(SPEC.route(method, path), response))
        .as(method + " " + path + " -> " + response.status() + " " + response.bodyText())
        .isEmpty();
    return response;
  }

  static JsonNode json(ApiResponse response) {
    return Json.mapper().readTree(response.body());
  }

  /** Creates a group as {@code caller} and answers its id. */
  String createGroup(String caller, String name, String visibility) {
    ApiResponse created =
        send(
            "POST",
            "/v1/groups",
            caller,
            "{\"name\":\""
                + name
                + "\",\"sport\":\"running\",\"visibility\":\""
                + visibility
                + "\",\"card\":{\"displayName\":\"Owner\"}}");
    assertThat(created.status()).as(created.bodyText()).isEqualTo(201);
    return json(created).path("groupId").asString();
  }

  ApiResponse join(String caller, String groupId, String displayName) {
    return send(
        "POST",
        "/v1/groups/" + groupId + "/members",
        caller,
        "{\"card\":{\"displayName\":\"" + displayName + "\",\"avatarRef\":\"avatars/x.webp\"}}");
  }

  ApiResponse post(String caller, String groupId, String text, String clientId) {
    return send(
        "POST",
        "/v1/groups/" + groupId + "/messages",
        caller,
        Json.mapper()
            .createObjectNode()
            .put("text", text)
            .put("clientMessageId", clientId)
            .toString());
  }

  static String problemType(ApiResponse response) {
    return json(response).path("type").asString();
  }

  /** A clock tests move forward. */
  static final class TestClock extends Clock {
    private Instant now;

    TestClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
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
