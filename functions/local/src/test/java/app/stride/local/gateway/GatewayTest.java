package app.stride.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.apispecs.ApiSpecs;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.Operation;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.region.Region;
import app.stride.core.region.RegionCatalog;
import app.stride.core.region.RegionId;
import app.stride.local.LocalTokenIssuer;
import app.stride.local.region.RegionHealth;
import app.stride.local.region.RegionRuntime;
import app.stride.local.region.UnavailableRegion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's own rules, with recording stand-ins for the regions (the real ones run in the IT).
 */
class GatewayTest {
  private static final RegionCatalog CATALOG = RegionCatalog.bundled();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path data;
  private LocalTokenIssuer issuer;
  private Gateway gateway;
  private final Map<RegionId, RecordingRegion> served = new LinkedHashMap<>();

  @BeforeEach
  void start() throws Exception {
    issuer = LocalTokenIssuer.load(data, Clock.systemUTC());
    Map<RegionId, RegionRuntime> regions = new LinkedHashMap<>();
    for (String id : List.of("eu", "us")) {
      RecordingRegion region = new RecordingRegion(CATALOG.require(RegionId.of(id)));
      served.put(region.region().id(), region);
      regions.put(region.region().id(), region);
    }
    Region apac = CATALOG.require(RegionId.of("apac"));
    regions.put(apac.id(), new UnavailableRegion(apac, "Google Cloud emulators not installed"));
    List<RegionRuntime> ordered = List.copyOf(regions.values());
    Gateway[] holder = new Gateway[1];
    DevRoutes dev =
        new DevRoutes(
            new RequestValidator(OpenApiSpec.read("local-dev", ApiSpecs.localDev())),
            issuer,
            CATALOG,
            () -> holder[0].health(ordered));
    gateway =
        new Gateway(
            0,
            new RequestValidator(OpenApiSpec.read("mobile-api", ApiSpecs.mobileApi())),
            issuer.verifier(),
            regions,
            dev);
    holder[0] = gateway;
    gateway.start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void health_reportsDegraded_withTheReasonOfTheDownRegion() throws Exception {
    HttpResponse<String> response = send("GET", "/health", null, null);

    JsonNode health = Json.mapper().readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(health.path("status").asString()).isEqualTo("DEGRADED");
    JsonNode apac = health.path("regions").get(2);
    assertThat(apac.path("status").asString()).isEqualTo("DOWN");
    assertThat(apac.path("reason").asString()).contains("emulators");
  }

  @Test
  void securedRoute_goesToTheTokensHomeRegionOnly() throws Exception {
    String token = issuer.issue("ana", "us");

    HttpResponse<String> response = send("GET", "/v1/me/profile", token, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(served.get(RegionId.of("us")).calls).containsExactly("getMyProfile");
    assertThat(served.get(RegionId.of("eu")).calls).isEmpty();
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
  }

  @Test
  void missingForgedOrForeignTokens_are401_andReachNoRegion() throws Exception {
    LocalTokenIssuer stranger = LocalTokenIssuer.load(data.resolve("other"), Clock.systemUTC());

    assertThat(send("GET", "/v1/me/profile", null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/v1/me/profile", "not.a.jwt", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/v1/me/profile", stranger.issue("ana", "eu"), null).statusCode())
        .isEqualTo(401);
    served.values().forEach(r -> assertThat(r.calls).isEmpty());
  }

  @Test
  void unknownRouteAndWrongMethod_areProblems() throws Exception {
    String token = issuer.issue("ana", "eu");

    HttpResponse<String> unknown = send("GET", "/v1/unknown", token, null);
    HttpResponse<String> wrongMethod = send("POST", "/v1/me/profile", token, "{}");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).contains("DELETE, GET, PATCH, PUT");
    assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  @Test
  void bodyOverTheGatewayCap_is413_beforeAnyRegion() throws Exception {
    String token = issuer.issue("ana", "eu");

    HttpResponse<String> response =
        send("PUT", "/v1/me/profile", token, "x".repeat(Gateway.MAX_BODY_BYTES + 1));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(served.get(RegionId.of("eu")).calls).isEmpty();
  }

  @Test
  void downRegion_answers503WithRetryAfter() throws Exception {
    HttpResponse<String> response =
        send("GET", "/v1/me/profile", issuer.issue("chen", "apac"), null);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).contains("2");
  }

  @Test
  void devTokens_areIssuedOnlyForConfiguredRegionsAndSaneIds() throws Exception {
    HttpResponse<String> ok =
        send("POST", "/dev/tokens", null, "{\"userId\":\"ana\",\"homeRegion\":\"eu\"}");
    HttpResponse<String> mars =
        send("POST", "/dev/tokens", null, "{\"userId\":\"ana\",\"homeRegion\":\"mars\"}");
    HttpResponse<String> path =
        send("POST", "/dev/tokens", null, "{\"userId\":\"../x\",\"homeRegion\":\"eu\"}");

    assertThat(ok.statusCode()).isEqualTo(200);
    String token = Json.mapper().readTree(ok.body()).path("accessToken").asString();
    assertThat(issuer.verifier().verify(token).homeRegion()).isEqualTo(RegionId.of("eu"));
    assertThat(mars.statusCode()).isEqualTo(400);
    assertThat(path.statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Stands in for a region: records the operations it was asked to serve and answers 200. */
  private static final class RecordingRegion implements RegionRuntime {
    private final Region region;
    final List<String> calls = new ArrayList<>();

    RecordingRegion(Region region) {
      this.region = region;
    }

    @Override
    public Region region() {
      return region;
    }

    @Override
    public RegionHealth health() {
      return new RegionHealth(
          region.id().value(), region.cloud().id(), region.store().id(), "http://fake", "UP", null);
    }

    @Override
    public synchronized ApiResponse invoke(Operation operation, ApiRequest request) {
      calls.add(operation.operationId());
      return ApiResponse.json(200, Map.of("region", region.id().value()));
    }

    @Override
    public void close() {}
  }
}
