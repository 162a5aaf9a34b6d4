package app.stride.local;

import static java.time.temporal.ChronoUnit.SECONDS;
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

  @Test
  @Order(7)
  void planner_startsARunningAndAYogaPlan_inTwoRegions_withTodaysSessions() throws Exception {
    for (String[] user : users(new String[][] {{"ana", "eu"}, {"chen", "apac"}, {"bob", "us"}})) {
      String plan = user[0].equals("ana") ? "running-5k-beginner" : "yoga-daily-20";
      JsonNode started = startPlanToday(token(user[0], user[1]), plan);
      assertThat(started.path("planId").asString()).isEqualTo(plan);

      JsonNode today = todaysSession(token(user[0], user[1]));
      assertThat(today.path("planId").asString()).as(user[1]).isEqualTo(plan);
      assertThat(today.path("status").asString()).isEqualTo("planned");
    }
  }

  @Test
  @Order(8)
  void aManualRun_completesTodaysSession_andOnlyItsOwnerCanUseIt() throws Exception {
    String ana = token("ana", "eu");
    String start = java.time.Instant.now().minusSeconds(3_600).truncatedTo(SECONDS).toString();
    HttpResponse<String> recorded =
        call(
            "POST",
            "/v1/me/workouts",
            ana,
            """
            {"sport":"running","startTime":"%s","timeZone":"UTC","durationSeconds":1500,
             "distance":{"value":3.2,"unit":"km"},"averageHeartRate":141,"perceivedEffort":4}
            """
                .formatted(start),
            Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    String workoutId = Json.mapper().readTree(recorded.body()).path("workoutId").asString();
    JsonNode session = todaysSession(ana);
    String sessionPath =
        "/v1/me/plans/%s/sessions/%s"
            .formatted(session.path("myPlanId").asString(), session.path("sessionId").asString());

    HttpResponse<String> foreign =
        call(
            "PATCH",
            sessionPath.replace(session.path("myPlanId").asString(), ownPlanOf(token("bob", "us"))),
            token("bob", "us"),
            "{\"status\":\"done\",\"workoutId\":\"" + workoutId + "\"}",
            Map.of());
    assertThat(foreign.statusCode()).as(foreign.body()).isBetween(400, 404);

    HttpResponse<String> done =
        call(
            "PATCH",
            sessionPath,
            ana,
            "{\"status\":\"done\",\"workoutId\":\"" + workoutId + "\"}",
            Map.of());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    JsonNode after = todaysSession(ana);
    assertThat(after.path("status").asString()).isEqualTo("done");
    assertThat(after.path("workoutId").asString()).isEqualTo(workoutId);
    HttpResponse<String> history = call("GET", "/v1/me/workouts?limit=10", ana, null, Map.of());
    assertThat(Json.mapper().readTree(history.body()).path("items").findValuesAsString("workoutId"))
        .containsExactly(workoutId);
  }

  @Test
  @Order(9)
  void aGroupLivesInItsCreatorsRegion_andAMemberFromAnotherRegionChatsInIt() throws Exception {
    String ana = token("ana", "eu");
    String bob = token("bob", "us");
    HttpResponse<String> created =
        call(
            "POST",
            "/v1/groups",
            ana,
            """
            {"name":"Riverside Runners","sport":"running","visibility":"public",
             "card":{"displayName":"Ana"}}
            """,
            Map.of());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String groupId = Json.mapper().readTree(created.body()).path("groupId").asString();
    assertThat(groupId).startsWith("eu.");

    HttpResponse<String> joined =
        call(
            "POST",
            "/v1/groups/" + groupId + "/members",
            bob,
            "{\"card\":{\"displayName\":\"Bob\"}}",
            Map.of());
    assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
    HttpResponse<String> sent =
        call(
            "POST",
            "/v1/groups/" + groupId + "/messages",
            bob,
            "{\"text\":\"Tuesday 7:00 at the bridge?\",\"clientMessageId\":\"bob-msg-0001\"}",
            Map.of());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);

    HttpResponse<String> history =
        call("GET", "/v1/groups/" + groupId + "/messages", ana, null, Map.of());
    assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
    assertThat(Json.mapper().readTree(history.body()).path("items").findValuesAsString("text"))
        .containsExactly("Tuesday 7:00 at the bridge?");
    // The group, its members' cards and its chat live in eu only: bob's home store holds none.
    assertThat(dynamoTableMentions("us", "social", groupId)).isFalse();
    assertThat(dynamoTableMentions("eu", "social", groupId)).isTrue();
  }

  /**
   * Starts {@code plan} today, on four days a week (the running plans) or every day (the daily yoga
   * routine), the first of them today.
   */
  private static JsonNode startPlanToday(String token, String plan) throws Exception {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    int[] offsets =
        plan.startsWith("yoga") ? new int[] {0, 1, 2, 3, 4, 5, 6} : new int[] {0, 1, 3, 5};
    String days =
        java.util.stream.IntStream.of(offsets)
            .mapToObj(
                d ->
                    "\""
                        + today.plusDays(d).getDayOfWeek().name().toLowerCase(java.util.Locale.ROOT)
                        + "\"")
            .collect(java.util.stream.Collectors.joining(","));
    HttpResponse<String> response =
        call(
            "POST",
            "/v1/me/plans",
            token,
            """
            {"planId":"%s","startDate":"%s","daysPerWeek":%d,"preferredDays":[%s],"timeZone":"UTC"}
            """
                .formatted(plan, today, offsets.length, days),
            Map.of());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Json.mapper().readTree(response.body());
  }

  private static JsonNode todaysSession(String token) throws Exception {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    HttpResponse<String> schedule =
        call(
            "GET",
            "/v1/me/schedule?from=" + today + "&to=" + today.plusDays(6),
            token,
            null,
            Map.of());
    assertThat(schedule.statusCode()).as(schedule.body()).isEqualTo(200);
    for (JsonNode session : Json.mapper().readTree(schedule.body()).path("sessions")) {
      if (session.path("today").asBoolean()) {
        return session;
      }
    }
    throw new AssertionError("no session today in " + schedule.body());
  }

  private static String ownPlanOf(String token) throws Exception {
    HttpResponse<String> plans = call("GET", "/v1/me/plans", token, null, Map.of());
    return Json.mapper().readTree(plans.body()).path("plans").get(0).path("id").asString();
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
    String route = path.split("\\?", 2)[0];
    if (!SPEC.spec().operationsAt(route).isEmpty() && response.statusCode() != 405) {
      assertConformsToSpec(method, route, response);
    }
    return response;
  }

  /** Every answer of a mobile API route must be one the spec declares, body included. */
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
    try (DynamoDbClient client = dynamo(regionId)) {
      return client.scan(b -> b.tableName("stride-profiles-" + regionId)).items().stream()
          .anyMatch(item -> mentions(item, user) && item.containsKey("displayName"));
    }
  }

  /** Whether any item of the region's table of {@code capability} mentions {@code value}. */
  private static boolean dynamoTableMentions(String regionId, String capability, String value)
      throws Exception {
    try (DynamoDbClient client = dynamo(regionId)) {
      String table = "stride-" + capability + "-" + regionId;
      if (!client.listTables().tableNames().contains(table)) {
        return false;
      }
      return client.scan(b -> b.tableName(table)).items().stream()
          .anyMatch(
              item -> item.values().stream().anyMatch(v -> v.s() != null && v.s().contains(value)));
    }
  }

  /** A client of the region's dynalite, as the health route names it. */
  private static DynamoDbClient dynamo(String regionId) throws Exception {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(region(regionId).path("endpoint").asString()))
        .region(Region.EU_CENTRAL_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
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
