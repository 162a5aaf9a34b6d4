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
import app.stride.local.devices.LocalDevices;
import app.stride.testkit.junit.AbsentSwitch;
import app.stride.testkit.junit.SampleFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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

  @Test
  @Order(10)
  void devices_signedPolarFitbitAndSuuntoWebhooks_areAccepted_forgedOnesRefused() throws Exception {
    Properties secrets = webhookSecrets();
    String now = java.time.Instant.now().truncatedTo(SECONDS).toString();
    String polar =
        "{\"event\":\"EXERCISE\",\"user_id\":475,\"entity_id\":\"aQlC83\",\"timestamp\":\""
            + now
            + "\",\"url\":\"https://www.polaraccesslink.com/v3/exercises/aQlC83\"}";
    // Fitbit is the Google Health API: the endpoint's Authorization secret, and the ECDSA P-256
    // signature under the local stand-in for Google's key.
    String fitbit =
        "{\"data\":{\"healthUserId\":\"3Mg7QzU2kPq\",\"operation\":\"UPSERT\","
            + "\"dataType\":\"exercise\",\"intervals\":[{\"physicalTimeInterval\":"
            + "{\"startTime\":\"2026-09-27T07:00:00Z\",\"endTime\":\"2026-09-27T08:00:00Z\"}}]}}";
    String suunto =
        "{\"type\":\"WORKOUT_CREATED\",\"username\":\"runner-42\",\"workout\":{\"workoutKey\":"
            + "\"67604889401b942184624cb8\",\"activityId\":3,\"startTime\":1790500000000,"
            + "\"totalTime\":3600,\"totalDistance\":10000}}";
    String polarKey = secrets.getProperty("STRIDE_WEBHOOK_POLAR_SIGNING_KEY");
    String fitbitAuthorization = secrets.getProperty(LocalDevices.FITBIT_AUTHORIZATION);
    String fitbitSignature =
        ecdsa(
            secrets.getProperty(LocalDevices.FITBIT_SIGNING_KEY),
            fitbit.getBytes(StandardCharsets.UTF_8));
    String forgedSignature = ecdsa(null, fitbit.getBytes(StandardCharsets.UTF_8));
    String suuntoKey = secrets.getProperty("STRIDE_WEBHOOK_SUUNTO_SIGNING_KEY");

    for (String region : gcp ? new String[] {"eu", "us", "apac"} : new String[] {"eu", "us"}) {
      String base = "/v1/webhooks/%s/" + region;
      assertProblem(
          webhook(
              base.formatted("polar"),
              polar,
              "Polar-Webhook-Signature",
              hex(hmac("HmacSHA256", "forged", polar))),
          401,
          "webhook-rejected");
      assertProblem(webhook(base.formatted("fitbit"), fitbit, null, null), 401, "webhook-rejected");
      assertProblem(
          call(
              "POST",
              base.formatted("fitbit"),
              null,
              fitbit,
              Map.of(
                  "Authorization", fitbitAuthorization, "X-HEALTHAPI-SIGNATURE", forgedSignature)),
          401,
          "webhook-rejected");
      assertProblem(
          webhook(
              base.formatted("suunto"),
              suunto,
              "X-HMAC-SHA256-Signature",
              hex(hmac("HmacSHA256", "forged", suunto))),
          401,
          "webhook-rejected");

      HttpResponse<String> polarOk =
          webhook(
              base.formatted("polar"),
              polar,
              "Polar-Webhook-Signature",
              hex(hmac("HmacSHA256", polarKey, polar)));
      HttpResponse<String> fitbitOk =
          call(
              "POST",
              base.formatted("fitbit"),
              null,
              fitbit,
              Map.of(
                  "Authorization", fitbitAuthorization, "X-HEALTHAPI-SIGNATURE", fitbitSignature));
      HttpResponse<String> suuntoOk =
          webhook(
              base.formatted("suunto"),
              suunto,
              "X-HMAC-SHA256-Signature",
              hex(hmac("HmacSHA256", suuntoKey, suunto)));

      assertThat(polarOk.statusCode()).as(region + " polar " + polarOk.body()).isEqualTo(200);
      assertThat(fitbitOk.statusCode()).as(region + " fitbit " + fitbitOk.body()).isEqualTo(204);
      assertThat(suuntoOk.statusCode()).as(region + " suunto " + suuntoOk.body()).isEqualTo(200);
    }
  }

  @Test
  @Order(11)
  void devices_realFitGpxAndTcxFiles_importWithTheirReferenceValuesWithin1Percent()
      throws Exception {
    Path root = Path.of(System.getProperty("stride.root", "../.."));
    java.util.Optional<Path> samples =
        SampleFiles.find(root, "LocalPlatformIT: real FIT/GPX/TCX imports through ./run-local");
    org.junit.jupiter.api.Assumptions.assumeTrue(samples.isPresent(), "samples absent: reported");
    String ana = token("ana", "eu");

    // FIT: python-fitparse's decoding of the same recording (its record messages) as reference.
    List<String> records =
        java.nio.file.Files.readAllLines(
            samples.get().resolve("fit/garmin-fenix-5-run-records.csv"));
    String[] first = records.get(1).split(",");
    String[] last = records.get(records.size() - 1).split(",");
    JsonNode fit =
        importFile(ana, samples.get().resolve("fit/garmin-fenix-5-run.fit"), "application/fit");
    assertThat(fit.path("sport").asString()).isEqualTo("running");
    assertWithin1Percent(fit.path("distanceMeters").asDouble(), Double.parseDouble(last[4]));
    assertWithin1Percent(
        fit.path("elapsedSeconds").asDouble(),
        java.time.Duration.between(csvTime(first[0]), csvTime(last[0])).toSeconds());

    // TCX: the sums of the file's own laps (TotalTimeSeconds is timer time, i.e. moving time).
    Path tcxFile = samples.get().resolve("tcx/running_activity_1.tcx");
    String tcxText = java.nio.file.Files.readString(tcxFile);
    JsonNode tcx = importFile(ana, tcxFile, "application/vnd.garmin.tcx+xml");
    assertThat(tcx.path("sport").asString()).isEqualTo("running");
    assertWithin1Percent(tcx.path("distanceMeters").asDouble(), lapSum(tcxText, "DistanceMeters"));
    assertWithin1Percent(tcx.path("movingSeconds").asDouble(), lapSum(tcxText, "TotalTimeSeconds"));

    // GPX: the great-circle length of its track points and the span of their times, computed here.
    Path gpxFile = samples.get().resolve("gpx/cerknicko-jezero.gpx");
    JsonNode gpx = importFile(ana, gpxFile, "application/gpx+xml");
    double[] reference = gpxReference(java.nio.file.Files.readString(gpxFile));
    assertWithin1Percent(gpx.path("distanceMeters").asDouble(), reference[0]);
    assertWithin1Percent(gpx.path("elapsedSeconds").asDouble(), reference[1]);
  }

  @Test
  @Order(12)
  void devices_theSameRunFromASecondSource_isMergedIntoOneActivity() throws Exception {
    for (String[] user : users(new String[][] {{"mia", "us"}, {"mia", "apac"}})) {
      String token = token(user[0], user[1]);
      java.time.Instant start = java.time.Instant.parse("2026-09-27T07:15:00Z");
      StringBuilder gpx =
          new StringBuilder(
              "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"t\""
                  + " xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>");
      for (int i = 0; i <= 30; i++) {
        gpx.append("<trkpt lat=\"")
            .append(52.5 + i * 0.0003)
            .append("\" lon=\"13.4\"><time>")
            .append(start.plusSeconds(20L * i))
            .append("</time></trkpt>");
      }
      gpx.append("</trkseg></trk></gpx>");
      HttpResponse<String> file =
          callBytes(token, gpx.toString().getBytes(StandardCharsets.UTF_8), "application/gpx+xml");
      assertThat(file.statusCode()).as(file.body()).isEqualTo(202);
      String activityId =
          Json.mapper().readTree(file.body()).path("activityIds").path(0).asString();
      double meters = activity(token, activityId).path("distanceMeters").asDouble();

      String app =
          """
          {"source":"apple-health","workouts":[{"externalId":"HK-%s","activityType":"HKWorkoutActivityTypeRunning",
           "startTime":"2026-09-27T07:15:00Z","endTime":"2026-09-27T07:25:00Z","distanceMeters":%.1f,
           "device":"Apple Watch"}]}
          """
              .formatted(user[1], meters * 1.01);
      HttpResponse<String> second = call("POST", "/v1/activities/imports", token, app, Map.of());

      assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
      assertThat(Json.mapper().readTree(second.body()).path("activityIds").path(0).asString())
          .isEqualTo(activityId);
      JsonNode merged = activity(token, activityId);
      assertThat(merged.path("sources").findValuesAsString("provider"))
          .containsExactly("upload", "apple-health");
      assertThat(merged.path("version").asInt()).isEqualTo(2);
    }
  }

  private static JsonNode importFile(String token, Path file, String type) throws Exception {
    HttpResponse<String> accepted = callBytes(token, java.nio.file.Files.readAllBytes(file), type);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonNode job = Json.mapper().readTree(accepted.body());
    assertThat(job.path("status").asString()).as(accepted.body()).isEqualTo("done");
    return activity(token, job.path("activityIds").path(0).asString());
  }

  private static JsonNode activity(String token, String id) throws Exception {
    HttpResponse<String> response = call("GET", "/v1/activities/" + id, token, null, Map.of());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }

  private static void assertWithin1Percent(double actual, double reference) {
    assertThat(actual).isCloseTo(reference, org.assertj.core.data.Percentage.withPercentage(1));
  }

  /** A timestamp of the fitparse CSV, e.g. {@code Sun Jun 11 07:34:09 PDT 2017}. */
  private static java.time.Instant csvTime(String text) {
    return java.time.ZonedDateTime.parse(
            text,
            java.time.format.DateTimeFormatter.ofPattern(
                "EEE MMM dd HH:mm:ss zzz yyyy", java.util.Locale.ENGLISH))
        .toInstant();
  }

  private static double lapSum(String tcx, String element) {
    double sum = 0;
    java.util.regex.Matcher lap =
        java.util.regex.Pattern.compile("<Lap StartTime.*?</Lap>", java.util.regex.Pattern.DOTALL)
            .matcher(tcx);
    while (lap.find()) {
      java.util.regex.Matcher value =
          java.util.regex.Pattern.compile("<" + element + ">([0-9.]+)</" + element + ">")
              .matcher(lap.group());
      if (value.find()) {
        sum += Double.parseDouble(value.group(1));
      }
    }
    return sum;
  }

  /**
   * {distance over consecutive track points within each segment (haversine; the gaps between
   * segments are pauses, not distance), seconds from the first to the last point's time}.
   */
  private static double[] gpxReference(String gpx) {
    java.util.regex.Pattern pointPattern =
        java.util.regex.Pattern.compile(
            "<trkpt lat=\"([-0-9.]+)\" lon=\"([-0-9.]+)\"[^>]*>.*?<time>([^<]+)</time>",
            java.util.regex.Pattern.DOTALL);
    java.util.regex.Matcher segment =
        java.util.regex.Pattern.compile("<trkseg>(.*?)</trkseg>", java.util.regex.Pattern.DOTALL)
            .matcher(gpx);
    double meters = 0;
    java.time.Instant firstTime = null;
    java.time.Instant lastTime = null;
    while (segment.find()) {
      java.util.regex.Matcher point = pointPattern.matcher(segment.group(1));
      double[] previous = null;
      while (point.find()) {
        double[] here = {Double.parseDouble(point.group(1)), Double.parseDouble(point.group(2))};
        if (previous != null) {
          double dLat = Math.toRadians(here[0] - previous[0]);
          double dLon = Math.toRadians(here[1] - previous[1]);
          double a =
              Math.pow(Math.sin(dLat / 2), 2)
                  + Math.cos(Math.toRadians(previous[0]))
                      * Math.cos(Math.toRadians(here[0]))
                      * Math.pow(Math.sin(dLon / 2), 2);
          meters += 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
        }
        previous = here;
        java.time.Instant t = java.time.Instant.parse(point.group(3));
        firstTime = firstTime == null || t.isBefore(firstTime) ? t : firstTime;
        lastTime = lastTime == null || t.isAfter(lastTime) ? t : lastTime;
      }
    }
    return new double[] {meters, java.time.Duration.between(firstTime, lastTime).toSeconds()};
  }

  private static Properties webhookSecrets() throws IOException {
    Properties secrets = new Properties();
    try (java.io.Reader in =
        java.nio.file.Files.newBufferedReader(data.resolve(LocalDevices.SECRETS_FILE))) {
      secrets.load(in);
    }
    return secrets;
  }

  private static HttpResponse<String> webhook(
      String path, String body, String signatureHeader, String signature) throws Exception {
    return call(
        "POST",
        path,
        null,
        body,
        signatureHeader == null ? Map.of() : Map.of(signatureHeader, signature));
  }

  private static byte[] hmac(String algorithm, String key, String body) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance(algorithm);
    mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
    return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The base64 DER ECDSA P-256 signature of {@code body} under the PKCS#8 key given in base64, or
   * under a fresh key (a forgery) when it is null.
   */
  private static String ecdsa(String pkcs8, byte[] body) throws Exception {
    java.security.PrivateKey key;
    if (pkcs8 == null) {
      java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
      generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
      key = generator.generateKeyPair().getPrivate();
    } else {
      key =
          java.security.KeyFactory.getInstance("EC")
              .generatePrivate(
                  new java.security.spec.PKCS8EncodedKeySpec(
                      java.util.Base64.getDecoder().decode(pkcs8)));
    }
    java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
    signer.initSign(key);
    signer.update(body);
    return java.util.Base64.getEncoder().encodeToString(signer.sign());
  }

  private static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }

  /** A file upload to the import route, its answer checked against the spec. */
  private static HttpResponse<String> callBytes(String token, byte[] body, String type)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(platform.url() + "/v1/activities/imports"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", type)
            .header("Authorization", "Bearer " + token)
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertConformsToSpec("POST", "/v1/activities/imports", response);
    return response;
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
