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
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.json.Json;
import app.stride.core.region.RegionCatalog;
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
import java.util.Map;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The devices worker on the local platform, through the gateway only: a user connects Polar
 * (WireMock plays Polar's OAuth token endpoint and AccessLink API, given to the platform as {@code
 * STRIDE_OAUTH_POLAR_*} and {@code STRIDE_PROVIDER_API_POLAR}), Polar's push signed with the data
 * folder's webhook key is accepted, and the region's worker, fed from its work queue as in the
 * cloud (the SQS event source on {@code eu}, the work topic's push subscription on {@code apac}),
 * fetches the exercise: it shows in the user's history. The apac part needs the Google emulators
 * (reported as not run when they are declared absent).
 */
class LocalDevicesWorkerIT {
  private static final Duration ARRIVAL = Duration.ofSeconds(90);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir static Path data;
  private static WireMockServer polar;
  private static LocalPlatform platform;
  private static boolean gcp;

  /** A user of {@code region} connected to the Polar account {@code polarUser}. */
  private record Runner(String region, String token, String polarUser, String accessToken) {}

  @BeforeAll
  static void start() {
    gcp = AbsentSwitch.gcloudEmulatorsOrReport("LocalDevicesWorkerIT: the apac (GCP) worker");
    polar = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    polar.start();
    Path root = Path.of(System.getProperty("stride.root", "../..")).toAbsolutePath();
    platform =
        LocalPlatform.start(
            new LocalOptions(0, false, root, data),
            RegionCatalog.bundled(),
            Map.of(
                "STRIDE_OAUTH_POLAR_CLIENT_ID",
                "polar-client",
                "STRIDE_OAUTH_POLAR_CLIENT_SECRET",
                "polar-client-secret",
                "STRIDE_OAUTH_POLAR_TOKEN_URL",
                polar.baseUrl() + "/v2/oauth2/token",
                "STRIDE_OAUTH_POLAR_REVOKE_URL",
                polar.baseUrl() + "/v3/users/{user}",
                "STRIDE_PROVIDER_API_POLAR",
                polar.baseUrl()));
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
    if (polar != null) {
      polar.stop();
    }
  }

  @Test
  void aPolarPush_isFetchedByTheRegionsWorker_showsInTheHistory_andLeavesTheQueue()
      throws Exception {
    List<Runner> runners = new ArrayList<>();
    for (String region : regions()) {
      Runner runner = connectPolar(region);
      String exercise = "ex" + runner.polarUser();
      polar.stubFor(exerciseFile(exercise, runner).willReturn(gpx(Instant.now())));

      assertThat(pushExercise(runner, exercise).statusCode()).as(region).isEqualTo(200);
      runners.add(runner);
    }

    for (Runner runner : runners) {
      String exercise = "ex" + runner.polarUser();
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
      polar.verify(exactly(1), exerciseFetch("ex" + runner.polarUser()));
    }
  }

  @Test
  void aFetchRefusedByAPolarOutage_isLeftOnTheQueue_andItsRedeliveryImportsIt() throws Exception {
    List<Runner> runners = new ArrayList<>();
    for (String region : regions()) {
      Runner runner = connectPolar(region);
      String exercise = "ex" + runner.polarUser();
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
      polar.verify(moreThanOrExactly(2), exerciseFetch("ex" + runner.polarUser()));
      assertThat(history(runner).path("entries")).as("imported once").hasSize(1);
    }
  }

  @Test
  void disconnectingPolar_deregistersTheUserAtPolar_throughTheRegionsWorker() throws Exception {
    List<Runner> runners = new ArrayList<>();
    for (String region : regions()) {
      Runner runner = connectPolar(region);
      polar.stubFor(
          delete(urlEqualTo("/v3/users/" + runner.polarUser()))
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
          deleteRequestedFor(urlEqualTo("/v3/users/" + runner.polarUser()))
              .withHeader("Authorization", equalTo("Bearer " + runner.accessToken()));
      long deadline = System.nanoTime() + ARRIVAL.toNanos();
      while (polar.findAll(deregistration).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      polar.verify(exactly(1), deregistration);
    }
  }

  /** The regions to run in: eu, and apac where the Google emulators run. */
  private static List<String> regions() {
    return gcp ? List.of("eu", "apac") : List.of("eu");
  }

  /** A new user of {@code region} connects a new Polar account through the gateway. */
  private static Runner connectPolar(String region) throws Exception {
    String polarUser = Long.toString(100_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 900_000);
    Runner runner =
        new Runner(region, devToken("u" + polarUser, region), polarUser, "polar-at-" + polarUser);
    String code = "code-" + polarUser;
    polar.stubFor(
        post("/v2/oauth2/token")
            .withRequestBody(containing("code=" + code))
            .willReturn(
                okJson(
                    template("/polar/token.json")
                        .replace("${ACCESS_TOKEN}", runner.accessToken())
                        .replace("${POLAR_USER}", polarUser))));
    JsonNode started =
        body(call("POST", "/v1/devices/connections/polar/authorization", runner, null), 200);
    String url = started.path("authorizationUrl").asString();
    String state =
        URLDecoder.decode(url.replaceAll(".*[?&]state=([^&]+).*", "$1"), StandardCharsets.UTF_8);

    String completion = "{\"code\":\"" + code + "\",\"state\":\"" + state + "\"}";
    body(retryingUnavailable("PUT", "/v1/devices/connections/polar", runner, completion), 200);
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
            .replace("${POLAR_USER}", runner.polarUser())
            .replace("${EXERCISE_ID}", exercise)
            .replace("${TIMESTAMP}", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    String key = webhookSecrets().getProperty("STRIDE_WEBHOOK_POLAR_SIGNING_KEY");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.url() + "/v1/webhooks/polar/" + runner.region()))
            .header("Content-Type", "application/json")
            .header("Polar-Webhook-Signature", hmacSha256Hex(key, push))
            .POST(HttpRequest.BodyPublishers.ofString(push));
    HttpResponse<String> response = send(request);
    // Polar sends again when a push is not acknowledged; a cold function may miss the first.
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
        "nothing in " + runner.region() + "'s history of the Polar push within " + ARRIVAL);
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
