package app.stride.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.json.Json;
import app.stride.local.devices.LocalDevices;
import app.stride.local.worker.LocalWorkQueue;
import app.stride.testkit.junit.AbsentSwitch;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The devices worker on the local platform, through the gateway only: a user connects Polar
 * (WireMock plays Polar's OAuth token endpoint and AccessLink API, given to the platform as {@code
 * STRIDE_OAUTH_POLAR_*} and {@code STRIDE_PROVIDER_API_POLAR}), Polar's push signed with the data
 * folder's webhook key is accepted, and the region's worker, fed from its work queue as in the
 * cloud (the SQS event source on {@code eu}, the work topic's push subscription on {@code apac}),
 * fetches the exercise: it shows in the user's history. With Strava (WireMock as its token endpoint
 * and API v3, {@code STRIDE_OAUTH_STRAVA_TOKEN_URL} and {@code STRIDE_PROVIDER_API_STRAVA}) it
 * proves provider updates: an {@code update} event re-applies a corrected sport to the imported
 * activity once. The apac part needs the Google emulators (reported as not run when they are
 * declared absent).
 */
@ExtendWith(SharedPlatform.Extension.class)
class LocalDevicesWorkerIT {
  private static final Duration ARRIVAL = Duration.ofSeconds(90);

  /** How long an activity is watched for a change that must not come. */
  private static final Duration SETTLING = Duration.ofSeconds(5);

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final SecureRandom RANDOM = new SecureRandom();

  private static Path data;
  private static WireMockServer polar;
  private static WireMockServer strava;
  private static LocalPlatform platform;
  private static boolean gcp;

  /** A user of {@code region} connected to the provider account {@code account}. */
  private record Runner(String region, String token, String account, String accessToken) {}

  @BeforeAll
  static void start(SharedPlatform shared) {
    gcp = AbsentSwitch.gcloudEmulatorsOrReport("LocalDevicesWorkerIT: the apac (GCP) worker");
    platform = shared.platform();
    data = shared.data();
    polar = shared.polar();
    strava = shared.strava();
  }

  @Test
  void aPolarPush_isFetchedByTheRegionsWorker_showsInTheHistory_andLeavesTheQueue()
      throws Exception {
    List<Runner> runners = new ArrayList<>();
    for (String region : regions()) {
      Runner runner = connectPolar(region);
      String exercise = "ex" + runner.account();
      polar.stubFor(exerciseFile(exercise, runner).willReturn(gpx(Instant.now())));

      assertThat(pushExercise(runner, exercise).statusCode()).as(region).isEqualTo(200);
      runners.add(runner);
    }

    for (Runner runner : runners) {
      String exercise = "ex" + runner.account();
      JsonNode entry = awaitHistoryEntry(runner);
      assertThat(entry.path("kind").asString()).isEqualTo("activity");
      assertThat(entry.path("sport").asString()).isEqualTo("running");
      assertThat(entry.path("providers").size()).isEqualTo(1);
      assertThat(entry.path("providers").get(0).asString()).isEqualTo("polar");
      JsonNode activity = body(call("GET", "/v1/activities/" + id(entry), runner, null), 200);
      assertThat(activity.path("sources").path(0).path("externalId").asString())
          .as(runner.region())
          .isEqualTo(exercise);
    }
    // A handled message is deleted: once its visibility timeout is over it does not come back.
    Thread.sleep(Duration.ofSeconds(LocalWorkQueue.VISIBILITY_TIMEOUT_SECONDS + 5).toMillis());
    for (Runner runner : runners) {
      polar.verify(exactly(1), exerciseFetch("ex" + runner.account()));
    }
  }

  @Test
  void aFetchRefusedByAPolarOutage_isLeftOnTheQueue_andItsRedeliveryImportsIt() throws Exception {
    List<Runner> runners = new ArrayList<>();
    for (String region : regions()) {
      Runner runner = connectPolar(region);
      String exercise = "ex" + runner.account();
      String outage = "polar-outage-" + exercise;
      polar.stubFor(
          exerciseFile(exercise, runner)
              .inScenario(outage)
              .whenScenarioStateIs(STARTED)
              .willReturn(aResponse().withStatus(503))
              .willSetStateTo("up"));
      polar.stubFor(
          exerciseFile(exercise, runner)
              .inScenario(outage)
              .whenScenarioStateIs("up")
              .willReturn(gpx(Instant.now())));

      assertThat(pushExercise(runner, exercise).statusCode()).as(region).isEqualTo(200);
      runners.add(runner);
    }

    for (Runner runner : runners) {
      JsonNode entry = awaitHistoryEntry(runner);
      assertThat(entry.path("providers").get(0).asString()).as(runner.region()).isEqualTo("polar");
      polar.verify(moreThanOrExactly(2), exerciseFetch("ex" + runner.account()));
      assertThat(history(runner).path("entries")).as("imported once").hasSize(1);
    }
  }

  @Test
  void disconnectingPolar_deregistersTheUserAtPolar_throughTheRegionsWorker() throws Exception {
    List<Runner> runners = new ArrayList<>();
    for (String region : regions()) {
      Runner runner = connectPolar(region);
      polar.stubFor(
          delete(urlEqualTo("/v3/users/" + runner.account()))
              .withHeader("Authorization", equalTo("Bearer " + runner.accessToken()))
              .willReturn(aResponse().withStatus(204)));

      HttpResponse<String> disconnected =
          retryingUnavailable("DELETE", "/v1/devices/connections/polar", runner, null);
      assertThat(disconnected.statusCode()).as(disconnected.body()).isEqualTo(204);
      assertThat(
              body(call("GET", "/v1/devices/connections", runner, null), 200).path("connections"))
          .as(region)
          .isEmpty();
      runners.add(runner);
    }

    for (Runner runner : runners) {
      RequestPatternBuilder deregistration =
          deleteRequestedFor(urlEqualTo("/v3/users/" + runner.account()))
              .withHeader("Authorization", equalTo("Bearer " + runner.accessToken()));
      long deadline = System.nanoTime() + ARRIVAL.toNanos();
      while (polar.findAll(deregistration).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      polar.verify(exactly(1), deregistration);
    }
  }

  @Test
  void aStravaUpdate_correctingTheSport_isReappliedOnce_toTheSameActivity() throws Exception {
    for (String region : regions()) {
      Runner runner = connectStrava(region);
      String activityId = "1" + runner.account();
      Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
      strava.stubFor(
          stravaActivity(activityId, runner)
              .willReturn(stravaJson(activityId, runner, start, "Run")));
      strava.stubFor(
          stravaStreams(activityId, runner)
              .willReturn(stravaAnswer(template("/strava/streams.json"))));
      Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);

      assertThat(stravaEvent(runner, activityId, "create", created, "{}").statusCode())
          .as(region)
          .isEqualTo(200);
      String id = id(awaitHistoryEntry(runner));
      JsonNode imported = body(call("GET", "/v1/activities/" + id, runner, null), 200);
      assertThat(imported.path("sport").asString()).as(region).isEqualTo("running");
      assertThat(imported.path("distanceMeters").asDouble()).isEqualTo(1500.0);
      assertThat(imported.path("sources").path(0).path("provider").asString()).isEqualTo("strava");
      assertThat(imported.path("sources").path(0).path("externalId").asString())
          .isEqualTo(activityId);

      // The user corrects the sport on Strava: Strava now answers a ride and sends an update.
      strava.stubFor(
          stravaActivity(activityId, runner)
              .willReturn(stravaJson(activityId, runner, start, "Ride")));
      String sportCorrected = "{\"type\":\"Ride\"}";
      Instant updated = created.plusSeconds(1);
      assertThat(stravaEvent(runner, activityId, "update", updated, sportCorrected).statusCode())
          .as(region)
          .isEqualTo(200);
      JsonNode ride = awaitActivity(runner, id, a -> a.path("sport").asString().equals("cycling"));
      assertThat(ride.path("activityId").asString()).isEqualTo(id);
      assertThat(ride.path("distanceMeters").asDouble()).isEqualTo(1500.0);
      assertThat(ride.path("version").asLong())
          .as(region)
          .isEqualTo(imported.path("version").asLong() + 1);
      assertThat(history(runner).path("entries")).as("still one activity").hasSize(1);

      // Strava delivers the same update again, then a rename (the same data): the worker's
      // fetch for the rename is the last thing to wait for.
      assertThat(stravaEvent(runner, activityId, "update", updated, sportCorrected).statusCode())
          .as(region)
          .isEqualTo(200);
      String renamed = "{\"title\":\"Evening Ride\"}";
      assertThat(
              stravaEvent(runner, activityId, "update", updated.plusSeconds(1), renamed)
                  .statusCode())
          .as(region)
          .isEqualTo(200);
      awaitRequests(stravaStreamsFetch(activityId), 3);
      assertStaysAtVersion(runner, id, ride.path("version").asLong());
      strava.verify(exactly(3), stravaActivityFetch(activityId));
      assertThat(history(runner).path("entries")).as("still one activity").hasSize(1);
    }
  }

  /** The regions to run in: eu, and apac where the Google emulators run. */
  private static List<String> regions() {
    return gcp ? List.of("eu", "apac") : List.of("eu");
  }

  /** A new user of {@code region} connects a new Polar account through the gateway. */
  private static Runner connectPolar(String region) throws Exception {
    return connect(polar, "polar", "/v2/oauth2/token", region);
  }

  /** A new user of {@code region} connects a new Strava account through the gateway. */
  private static Runner connectStrava(String region) throws Exception {
    return connect(strava, "strava", "/oauth/token", region);
  }

  /**
   * A new user of {@code region} connects a new account of {@code provider} through the gateway:
   * the authorization is started, {@code stub}'s token endpoint answers the code with the
   * provider's token JSON ({@code /<provider>/token.json}), and the connection is completed.
   */
  private static Runner connect(
      WireMockServer stub, String provider, String tokenPath, String region) throws Exception {
    String account = Long.toString(100_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 900_000);
    Runner runner =
        new Runner(region, devToken("u" + account, region), account, provider + "-at-" + account);
    String code = "code-" + account;
    long expiresAt = Instant.now().plus(6, ChronoUnit.HOURS).getEpochSecond();
    stub.stubFor(
        post(tokenPath)
            .withRequestBody(containing("code=" + code))
            .willReturn(
                okJson(
                    template("/" + provider + "/token.json")
                        .replace("${ACCESS_TOKEN}", runner.accessToken())
                        .replace("${ACCOUNT}", account)
                        .replace("${EXPIRES_AT}", Long.toString(expiresAt)))));
    String connections = "/v1/devices/connections/" + provider;
    JsonNode started = body(call("POST", connections + "/authorization", runner, null), 200);
    String url = started.path("authorizationUrl").asString();
    String state =
        URLDecoder.decode(url.replaceAll(".*[?&]state=([^&]+).*", "$1"), StandardCharsets.UTF_8);

    String completion = "{\"code\":\"" + code + "\",\"state\":\"" + state + "\"}";
    body(retryingUnavailable("PUT", connections, runner, completion), 200);
    return runner;
  }

  /**
   * A call repeated while it answers 503, as the app does after {@code Retry-After}: a function's
   * first store call after its cold start can outlast its deadline on a busy machine.
   */
  private static HttpResponse<String> retryingUnavailable(
      String method, String path, Runner runner, String body) throws Exception {
    HttpResponse<String> response = call(method, path, runner, body);
    for (int retry = 0; retry < 3 && response.statusCode() == 503; retry++) {
      Thread.sleep(Duration.ofSeconds(2).toMillis());
      response = call(method, path, runner, body);
    }
    return response;
  }

  /** Polar's push of a new exercise, signed with the data folder's Polar key. */
  private static HttpResponse<String> pushExercise(Runner runner, String exercise)
      throws Exception {
    String push =
        template("/polar/exercise-push.json")
            .strip()
            .replace("${POLAR_USER}", runner.account())
            .replace("${EXERCISE_ID}", exercise)
            .replace("${TIMESTAMP}", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    String key = webhookSecrets().getProperty("STRIDE_WEBHOOK_POLAR_SIGNING_KEY");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.url() + "/v1/webhooks/polar/" + runner.region()))
            .header("Content-Type", "application/json")
            .header("Polar-Webhook-Signature", hmacSha256Hex(key, push))
            .POST(HttpRequest.BodyPublishers.ofString(push));
    return deliver(request);
  }

  /** Strava's event about the runner's activity (Strava signs nothing: our subscription id). */
  private static HttpResponse<String> stravaEvent(
      Runner runner, String activityId, String aspect, Instant at, String updates)
      throws Exception {
    String event =
        template("/strava/event.json")
            .strip()
            .replace("${ASPECT}", aspect)
            .replace("${EVENT_TIME}", Long.toString(at.getEpochSecond()))
            .replace("${ACTIVITY_ID}", activityId)
            .replace("${ACCOUNT}", runner.account())
            .replace("${SUBSCRIPTION_ID}", LocalDevices.STRAVA_SUBSCRIPTION_ID)
            .replace("${UPDATES}", updates);
    return deliver(
        HttpRequest.newBuilder(
                URI.create(platform.url() + "/v1/webhooks/strava/" + runner.region()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(event)));
  }

  /** A webhook delivery, sent again on 503 as providers do. */
  private static HttpResponse<String> deliver(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = send(request);
    // Providers send again when a push is not acknowledged; a cold function may miss the first.
    for (int retry = 0; retry < 3 && response.statusCode() == 503; retry++) {
      Thread.sleep(Duration.ofSeconds(2).toMillis());
      response = send(request);
    }
    return response;
  }

  /** The first entry of the runner's history, once the worker has imported it. */
  private static JsonNode awaitHistoryEntry(Runner runner) throws Exception {
    long deadline = System.nanoTime() + ARRIVAL.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> history = call("GET", "/v1/history", runner, null);
      JsonNode entries =
          history.statusCode() == 200
              ? Json.mapper().readTree(history.body()).path("entries")
              : Json.mapper().createArrayNode();
      if (!entries.isEmpty()) {
        return entries.get(0);
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "nothing in " + runner.region() + "'s history of the notification within " + ARRIVAL);
  }

  /** The activity once {@code done} holds for it. */
  private static JsonNode awaitActivity(Runner runner, String id, Predicate<JsonNode> done)
      throws Exception {
    long deadline = System.nanoTime() + ARRIVAL.toNanos();
    JsonNode activity = null;
    while (System.nanoTime() < deadline) {
      activity = body(call("GET", "/v1/activities/" + id, runner, null), 200);
      if (done.test(activity)) {
        return activity;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "the worker did not re-apply the update in " + runner.region() + ": " + activity);
  }

  /** Waits until the Strava stub has received {@code count} requests like {@code pattern}. */
  private static void awaitRequests(RequestPatternBuilder pattern, int count) throws Exception {
    long deadline = System.nanoTime() + ARRIVAL.toNanos();
    while (strava.findAll(pattern).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    assertThat(strava.findAll(pattern)).hasSize(count);
  }

  /**
   * Checks the activity keeps {@code version} (and its corrected sport) for {@link #SETTLING}:
   * after the worker's last fetch, an ingest that changes nothing leaves nothing else to wait for.
   */
  private static void assertStaysAtVersion(Runner runner, String id, long version)
      throws Exception {
    long deadline = System.nanoTime() + SETTLING.toNanos();
    do {
      JsonNode activity = body(call("GET", "/v1/activities/" + id, runner, null), 200);
      assertThat(activity.path("version").asLong()).as(runner.region()).isEqualTo(version);
      assertThat(activity.path("sport").asString()).isEqualTo("cycling");
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
  }

  private static JsonNode history(Runner runner) throws Exception {
    return body(call("GET", "/v1/history", runner, null), 200);
  }

  private static MappingBuilder exerciseFile(String exercise, Runner runner) {
    return get(urlEqualTo("/v3/exercises/" + exercise + "/fit"))
        .withHeader("Authorization", equalTo("Bearer " + runner.accessToken()));
  }

  private static RequestPatternBuilder exerciseFetch(String exercise) {
    return getRequestedFor(urlEqualTo("/v3/exercises/" + exercise + "/fit"));
  }

  private static MappingBuilder stravaActivity(String activityId, Runner runner) {
    return get(urlPathEqualTo("/api/v3/activities/" + activityId))
        .withQueryParam("include_all_efforts", equalTo("false"))
        .withHeader("Authorization", equalTo("Bearer " + runner.accessToken()));
  }

  private static MappingBuilder stravaStreams(String activityId, Runner runner) {
    return get(urlPathEqualTo("/api/v3/activities/" + activityId + "/streams"))
        .withQueryParam(
            "keys",
            equalTo("time,latlng,distance,altitude,heartrate,cadence,watts,velocity_smooth"))
        .withQueryParam("key_by_type", equalTo("true"))
        .withHeader("Authorization", equalTo("Bearer " + runner.accessToken()));
  }

  private static RequestPatternBuilder stravaActivityFetch(String activityId) {
    return getRequestedFor(urlPathEqualTo("/api/v3/activities/" + activityId));
  }

  private static RequestPatternBuilder stravaStreamsFetch(String activityId) {
    return getRequestedFor(urlPathEqualTo("/api/v3/activities/" + activityId + "/streams"));
  }

  /** Strava's DetailedActivity of a ten-minute, 1.5 km recording as {@code sportType}. */
  private static ResponseDefinitionBuilder stravaJson(
      String activityId, Runner runner, Instant start, String sportType) throws IOException {
    return stravaAnswer(
        template("/strava/activity.json")
            .replace("${ACTIVITY_ID}", activityId)
            .replace("${ACCOUNT}", runner.account())
            .replace("${START_DATE}", start.toString())
            .replace("${SPORT_TYPE}", sportType)
            .replace("${TYPE}", sportType));
  }

  /** A JSON answer with the rate-limit headers Strava sends on every API answer. */
  private static ResponseDefinitionBuilder stravaAnswer(String json) {
    return okJson(json)
        .withHeader("X-RateLimit-Limit", "200,2000")
        .withHeader("X-RateLimit-Usage", "3,41")
        .withHeader("X-ReadRateLimit-Limit", "100,1000")
        .withHeader("X-ReadRateLimit-Usage", "3,41");
  }

  /** A ten-minute run starting an hour before {@code now}: inside the history's default span. */
  private static ResponseDefinitionBuilder gpx(Instant now) {
    Instant start = now.minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    StringBuilder gpx =
        new StringBuilder(
            "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"t\""
                + " xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>");
    for (int i = 0; i <= 10; i++) {
      gpx.append("<trkpt lat=\"")
          .append(52.5 + i * 0.001)
          .append("\" lon=\"13.4\"><time>")
          .append(start.plusSeconds(60L * i))
          .append("</time></trkpt>");
    }
    gpx.append("</trkseg></trk></gpx>");
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/octet-stream")
        .withBody(gpx.toString());
  }

  private static String id(JsonNode entry) {
    return entry.path("id").asString();
  }

  private static JsonNode body(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return Json.mapper().readTree(response.body());
  }

  private static HttpResponse<String> call(String method, String path, Runner runner, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.url() + path))
            .header("Authorization", "Bearer " + runner.token())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return send(request);
  }

  private static String devToken(String user, String region) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(platform.url() + "/dev/tokens"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"userId\":\"" + user + "\",\"homeRegion\":\"" + region + "\"}")));
    return body(response, 200).path("accessToken").asString();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Properties webhookSecrets() throws IOException {
    Properties secrets = new Properties();
    try (Reader in = Files.newBufferedReader(data.resolve(LocalDevices.SECRETS_FILE))) {
      secrets.load(in);
    }
    return secrets;
  }

  private static String hmacSha256Hex(String key, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static String template(String path) throws IOException {
    try (InputStream in = LocalDevicesWorkerIT.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
