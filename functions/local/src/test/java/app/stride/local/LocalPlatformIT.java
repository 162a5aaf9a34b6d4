package app.stride.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.apispecs.ApiSpecs;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.openapi.ResponseValidator;
import app.stride.core.region.RegionCatalog;
import app.stride.testkit.junit.AbsentSwitch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * The end-to-end suite: the whole local platform as {@code ./run-local} starts it (real dynalite,
 * Firestore and Pub/Sub emulators, ElasticMQ, Kafka; each region's function in its own JVM through
 * its cloud's entry), driven over HTTP through the gateway only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPlatformIT {
  private static final String RUNNER =
      """
      {"displayName":"%s","about":"Runs before work","birthYear":1988,
       "goals":{"text":"First marathon","targetEvent":{"name":"Valencia Marathon","date":"2027-12-05","distanceM":42195}},
       "preferences":{"units":"metric","language":"en","sports":["running"],"activityPrivacy":"followers"}}
      """;

  private static final RequestValidator SPEC =
      new RequestValidator(OpenApiSpec.read("mobile-api", ApiSpecs.mobileApi()));
  private static final ResponseValidator CONTRACT = new ResponseValidator(SPEC);

  @TempDir static Path data;
  private static LocalPlatform platform;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Map<String, String> tokens = new HashMap<>();

  /**
   * Whether the apac region (Google emulators) runs here; if not, that part is reported as not run.
   */
  private static boolean gcp;

  @BeforeAll
  static void start() {
    gcp = AbsentSwitch.gcloudEmulatorsOrReport("LocalPlatformIT: the apac (GCP) region");
    platform = startPlatform();
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  private static LocalPlatform startPlatform() {
    Path root = Path.of(System.getProperty("stride.root", "../.."));
    return LocalPlatform.start(
        new LocalOptions(0, false, root.toAbsolutePath(), data), RegionCatalog.bundled());
  }

  @Test
  @Order(1)
  void health_listsEveryRegionUp_withItsStore() throws Exception {
    HttpResponse<String> response = call("GET", "/health", null, null, Map.of());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = Json.mapper().readTree(response.body());
    assertThat(health.path("status").asString()).isEqualTo(gcp ? "UP" : "DEGRADED");
    if (!gcp) {
      JsonNode apac = health.path("regions").get(2);
      assertThat(apac.path("status").asString()).isEqualTo("DOWN");
      assertThat(apac.path("reason").asString()).isNotBlank();
    }
    assertThat(health.path("regions").findValuesAsString("id")).containsExactly("eu", "us", "apac");
    assertThat(health.path("regions").findValuesAsString("store"))
        .containsExactly("dynamodb", "dynamodb", "firestore");
  }

  @Test
  @Order(2)
  void profile_roundTripsInEachRegion_andStaysInItsHomeStore() throws Exception {
    for (String[] user : users(new String[][] {{"alice", "eu"}, {"bob", "us"}, {"chen", "apac"}})) {
      String token = token(user[0], user[1]);
      HttpResponse<String> put =
          call("PUT", "/v1/me/profile", token, RUNNER.formatted(user[0]), Map.of());
      assertThat(put.statusCode()).as(user[1] + ": " + put.body()).isEqualTo(201);
      assertThat(put.headers().firstValue("ETag")).contains("\"1\"");

      HttpResponse<String> get = call("GET", "/v1/me/profile", token, null, Map.of());
      assertThat(get.statusCode()).isEqualTo(200);
      JsonNode profile = Json.mapper().readTree(get.body());
      assertThat(profile.path("displayName").asString()).isEqualTo(user[0]);
      assertThat(profile.path("goals").path("targetEvent").path("name").asString())
          .isEqualTo("Valencia Marathon");
    }

    assertThat(dynamoHolds("eu", "alice")).isTrue();
    assertThat(dynamoHolds("us", "alice")).isFalse();
    assertThat(dynamoHolds("us", "bob")).isTrue();
    assertThat(dynamoHolds("eu", "chen")).isFalse();
    if (gcp) {
      assertThat(firestoreHolds("chen")).isTrue();
      assertThat(firestoreHolds("alice")).isFalse();
    }
  }

  @Test
  @Order(3)
  void sameUser_withTokenOfAnotherRegion_seesNoProfile() throws Exception {
    String aliceInUs = token("alice", "us");

    HttpResponse<String> response = call("GET", "/v1/me/profile", aliceInUs, null, Map.of());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  @Test
  @Order(4)
  void badInputs_getProblems_andChangeNothing() throws Exception {
    String alice = token("alice", "eu");
    Map<String, String> json = Map.of();

    assertProblem(
        call("PUT", "/v1/me/profile", alice, "{\"displayName\":", json), 400, "malformed-json");
    assertProblem(
        call("PUT", "/v1/me/profile", alice, "{\"displayName\":7}", json),
        400,
        "validation-failed");
    assertProblem(
        call("PUT", "/v1/me/profile", alice, "{\"displayName\":\"A\",\"sex\":\"robot\"}", json),
        400,
        "validation-failed");
    assertProblem(
        call(
            "PUT",
            "/v1/me/profile",
            alice,
            "{\"displayName\":\"" + "x".repeat(70_000) + "\"}",
            json),
        413,
        "payload-too-large");
    assertProblem(
        call("PUT", "/v1/me/profile", alice, "displayName=A", Map.of("Content-Type", "text/plain")),
        415,
        "unsupported-media-type");
    assertProblem(call("GET", "/v1/me/profile", null, null, json), 401, "unauthorized");
    assertProblem(call("GET", "/v1/me/profile", alice + "x", null, json), 401, "unauthorized");
    assertProblem(
        call(
            "PUT",
            "/v1/me/profile",
            alice,
            RUNNER.formatted("Mallory"),
            Map.of("If-Match", "\"7\"")),
        412,
        "precondition-failed");
    assertProblem(call("GET", "/v1/nowhere", alice, null, json), 404, "not-found");
    assertProblem(call("POST", "/v1/me/profile", alice, "{}", json), 405, "method-not-allowed");

    HttpResponse<String> unchanged = call("GET", "/v1/me/profile", alice, null, json);
    assertThat(unchanged.headers().firstValue("ETag")).contains("\"1\"");
    assertThat(Json.mapper().readTree(unchanged.body()).path("displayName").asString())
        .isEqualTo("alice");
  }

  @Test
  @Order(5)
  void patch_thenDelete_inEachCloud() throws Exception {
    for (String[] user : users(new String[][] {{"alice", "eu"}, {"chen", "apac"}})) {
      String token = token(user[0], user[1]);
      HttpResponse<String> patch =
          call(
              "PATCH",
              "/v1/me/profile",
              token,
              "{\"about\":null,\"weightKg\":61.5}",
              Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"1\""));
      assertThat(patch.statusCode()).as(patch.body()).isEqualTo(200);
      assertThat(patch.headers().firstValue("ETag")).contains("\"2\"");
      assertThat(Json.mapper().readTree(patch.body()).has("about")).isFalse();

      HttpResponse<String> delete =
          call("DELETE", "/v1/me/profile", token, null, Map.of("If-Match", "\"2\""));
      assertThat(delete.statusCode()).isEqualTo(204);
      assertThat(call("GET", "/v1/me/profile", token, null, Map.of()).statusCode()).isEqualTo(404);
    }
    assertThat(dynamoHolds("eu", "alice")).isFalse();
    if (gcp) {
      assertThat(firestoreHolds("chen")).isFalse();
    }
  }

  @Test
  @Order(6)
  void data_persistsAcrossRestarts() throws Exception {
    platform.close();
    platform = startPlatform();

    HttpResponse<String> get = call("GET", "/v1/me/profile", token("bob", "us"), null, Map.of());

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(get.body()).path("displayName").asString()).isEqualTo("bob");
  }

  /** The users to run with: those homed in apac only where the Google emulators run. */
  private static String[][] users(String[][] all) {
    return java.util.Arrays.stream(all)
        .filter(u -> gcp || !u[1].equals("apac"))
        .toArray(String[][]::new);
  }

  private static void assertProblem(HttpResponse<String> response, int status, String slug) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode problem = Json.mapper().readTree(response.body());
    assertThat(problem.path("type").asString()).isEqualTo("https://stride.app/problems/" + slug);
    assertThat(response.body()).doesNotContain("Exception", "\tat ");
  }

  private static String token(String user, String region) throws Exception {
    String key = user + "@" + region;
    if (!tokens.containsKey(key)) {
      HttpResponse<String> response =
          call(
              "POST",
              "/dev/tokens",
              null,
              "{\"userId\":\"" + user + "\",\"homeRegion\":\"" + region + "\"}",
              Map.of());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      tokens.put(key, Json.mapper().readTree(response.body()).path("accessToken").asString());
    }
    return tokens.get(key);
  }

  private static HttpResponse<String> call(
      String method, String path, String token, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.url() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && !headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (path.equals("/v1/me/profile") && response.statusCode() != 405) {
      assertConformsToSpec(method, path, response);
    }
    return response;
  }

  /** Every answer of a profile route must be one the spec declares, body included. */
  private static void assertConformsToSpec(
      String method, String path, HttpResponse<String> response) {
    Map<String, String> headers = new HashMap<>();
    response.headers().map().forEach((k, v) -> headers.put(k, String.join(",", v)));
    ApiResponse answer =
        new ApiResponse(
            response.statusCode(), headers, response.body().getBytes(StandardCharsets.UTF_8));
    assertThat(CONTRACT.violations(SPEC.route(method, path), answer))
        .as("%s %s -> %s conforms to mobile-api.yaml", method, path, response.body())
        .isEmpty();
  }

  private static JsonNode region(String id) throws Exception {
    JsonNode health = Json.mapper().readTree(call("GET", "/health", null, null, Map.of()).body());
    for (JsonNode region : health.path("regions")) {
      if (region.path("id").asString().equals(id)) {
        return region;
      }
    }
    throw new AssertionError("no region " + id);
  }

  /** Whether the region's DynamoDB table holds any item with the user's personal data. */
  private static boolean dynamoHolds(String regionId, String user) throws Exception {
    URI endpoint = URI.create(region(regionId).path("endpoint").asString());
    try (DynamoDbClient client =
        DynamoDbClient.builder()
            .endpointOverride(endpoint)
            .region(Region.EU_CENTRAL_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      return client.scan(b -> b.tableName("stride-profiles-" + regionId)).items().stream()
          .anyMatch(item -> mentions(item, user) && item.containsKey("displayName"));
    }
  }

  private static boolean mentions(Map<String, AttributeValue> item, String user) {
    return item.values().stream().anyMatch(v -> user.equals(v.s()));
  }

  /** Whether the Firestore emulator holds a profile document with the user's personal data. */
  private static boolean firestoreHolds(String user) throws Exception {
    URI endpoint = URI.create(region("apac").path("endpoint").asString());
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        endpoint
                            + "/v1/projects/stride-local/databases/(default)/documents/profiles/"
                            + user))
                .header("Authorization", "Bearer owner")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 && response.body().contains("displayName");
  }
}
