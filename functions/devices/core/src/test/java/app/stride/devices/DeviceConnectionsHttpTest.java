package app.stride.devices;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
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
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The connection routes through the HTTP function: spec validation, the caller's token, the state
 * check, a local stand-in for Strava's token endpoint; every answer checked against the spec.
 */
class DeviceConnectionsHttpTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final Instant NOW = Instant.parse("2026-11-26T18:00:00Z");
  private static final TokenVerifier VERIFIER =
      token -> {
        String[] parts = token.split("@");
        if (parts.length != 2) {
          throw new ProblemException(ProblemType.UNAUTHORIZED, "bad token");
        }
        return new Principal(parts[0], RegionId.of(parts[1]), Set.of(), "jti");
      };

  private static WireMockServer strava;

  private final MemoryConnections connections = new MemoryConnections();
  private final MemoryErasedAccounts erased = new MemoryErasedAccounts();
  private final RequestValidator specValidator =
      new RequestValidator(OpenApiSpec.read("mobile-api", ApiSpecs.mobileApi()));
  private final ResponseValidator contract = new ResponseValidator(specValidator);
  private ApiFunction function;

  @BeforeAll
  static void start() {
    strava = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    strava.start();
  }

  @AfterAll
  static void stop() {
    strava.stop();
  }

  @BeforeEach
  void setUp() {
    strava.resetAll();
    strava.stubFor(
        post("/oauth/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"at-1\",\"refresh_token\":\"rt-1\",\"expires_in\":21600,"
                        + "\"scope\":\"read,activity:read_all\",\"athlete\":{\"id\":31337}}")));
    Map<String, String> env = new HashMap<>();
    env.put("STRIDE_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    env.put("STRIDE_OAUTH_STATE_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    env.put("STRIDE_OAUTH_REDIRECT_URI", "https://stride.app/connect");
    env.put("STRIDE_OAUTH_STRAVA_CLIENT_ID", "4711");
    env.put("STRIDE_OAUTH_STRAVA_CLIENT_SECRET", "strava-secret");
    env.put("STRIDE_OAUTH_STRAVA_TOKEN_URL", strava.baseUrl() + "/oauth/token");
    MemoryStores stores = new MemoryStores();
    function =
        DevicesFunctions.http(
            new DevicesFunctions.Ports(
                stores,
                stores,
                stores,
                stores,
                (kind, key, body) -> {},
                stores::publish,
                connections,
                LocalAesGcmTokenCipher.of("test", Secret.ofBytes(new byte[32])),
                new MemoryRecordedWorkouts(),
                erased),
            env,
            VERIFIER,
            EU,
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void connectingStrava_startThenComplete_isListed_andDisconnectForgetsIt() {
    JsonNode started =
        json(call("POST", "/v1/devices/connections/strava/authorization", "ana@eu", null), 200);
    URI url = URI.create(started.path("authorizationUrl").asString());
    assertThat(url.getHost()).isEqualTo("www.strava.com");
    String state = param(url, "state");

    JsonNode connected =
        json(
            call(
                "PUT",
                "/v1/devices/connections/strava",
                "ana@eu",
                "{\"code\":\"code-1\",\"state\":\"" + state + "\"}"),
            200);
    assertThat(connected.path("provider").asString()).isEqualTo("strava");
    assertThat(connected.path("scope").asString()).isEqualTo("read,activity:read_all");
    assertThat(connected.toString()).doesNotContain("at-1").doesNotContain("rt-1");

    JsonNode list = json(call("GET", "/v1/devices/connections", "ana@eu", null), 200);
    assertThat(list.path("connections").findValuesAsString("provider")).containsExactly("strava");
    assertThat(list.path("offered").toString()).isEqualTo("[\"strava\"]");
    assertThat(connections.findByProviderUser(Provider.STRAVA, "31337", EU)).isPresent();

    assertThat(call("DELETE", "/v1/devices/connections/strava", "ana@eu", null).status())
        .isEqualTo(204);
    assertThat(connections.list(new UserId("ana"), EU)).isEmpty();
    assertProblem(
        call("DELETE", "/v1/devices/connections/strava", "ana@eu", null), 404, "not-found");
  }

  @Test
  void aStateStartedByAnotherUser_isRefused_andNothingIsConnected() {
    JsonNode bens =
        json(call("POST", "/v1/devices/connections/strava/authorization", "ben@eu", null), 200);
    String state = param(URI.create(bens.path("authorizationUrl").asString()), "state");

    assertProblem(
        call(
            "PUT",
            "/v1/devices/connections/strava",
            "ana@eu",
            "{\"code\":\"code-1\",\"state\":\"" + state + "\"}"),
        400,
        "connection-rejected");
    assertThat(connections.list(new UserId("ana"), EU)).isEmpty();
    assertThat(strava.getAllServeEvents()).as("no code exchanged").isEmpty();
  }

  @Test
  void completingAConnection_forAnErasedAccount_is401_andNothingIsConnected() {
    JsonNode started =
        json(call("POST", "/v1/devices/connections/strava/authorization", "ana@eu", null), 200);
    String state = param(URI.create(started.path("authorizationUrl").asString()), "state");
    erased.markers.put(new UserId("ana"), Instant.MAX);

    assertProblem(
        call(
            "PUT",
            "/v1/devices/connections/strava",
            "ana@eu",
            "{\"code\":\"code-1\",\"state\":\"" + state + "\"}"),
        401,
        "unauthorized");
    assertThat(connections.list(new UserId("ana"), EU)).isEmpty();
    assertThat(strava.getAllServeEvents()).as("no code exchanged").isEmpty();
  }

  @Test
  void badRequests_areRefusedBeforeAnyProviderCall() {
    assertProblem(
        call("POST", "/v1/devices/connections/polar/authorization", "ana@eu", null),
        404,
        "not-found");
    assertProblem(
        call("POST", "/v1/devices/connections/myspace/authorization", "ana@eu", null),
        404,
        "not-found");
    assertProblem(
        call("PUT", "/v1/devices/connections/strava", "ana@eu", "{\"state\":\"s\"}"),
        400,
        "validation-failed");
    assertProblem(
        call(
            "PUT",
            "/v1/devices/connections/strava",
            "ana@eu",
            "{\"code\":\"c\",\"state\":\"s\",\"redirect_uri\":\"https://evil.example\"}"),
        400,
        "validation-failed");
    assertProblem(call("GET", "/v1/devices/connections", null, null), 401, "unauthorized");
    assertThat(strava.getAllServeEvents()).isEmpty();
  }

  private ApiResponse call(String method, String path, String token, String json) {
    Map<String, String> headers = new HashMap<>();
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    byte[] body = new byte[0];
    if (json != null) {
      headers.put("Content-Type", "application/json");
      body = json.getBytes(StandardCharsets.UTF_8);
    }
    ApiResponse response =
        function.apply(
            new ApiRequest(method, path, Map.of(), headers, body, "203.0.113.9", "req-1"));
    assertThat(contract.violations(specValidator.route(method, path), response))
        .as("%s %s answered per the spec", method, path)
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
    assertThat(response.status()).isEqualTo(status);
    assertThat(Json.mapper().readTree(response.body()).path("type").asString())
        .isEqualTo(ProblemType.BASE + type);
  }

  private static String param(URI url, String name) {
    for (String pair : url.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name)) {
        return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + url);
  }
}
