package app.stride.planner.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.json.Json;
import app.stride.core.region.RegionId;
import app.stride.events.CloudEvent;
import app.stride.events.EventCodec;
import app.stride.events.user.v1.UserDeleted;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.planner.domain.CalendarFeed;
import app.stride.planner.domain.UserId;
import app.stride.planner.gcp.adapter.out.firestore.FirestoreCalendarFeedStore;
import app.stride.testkit.junit.FirestoreExtension;
import app.stride.testkit.junit.IsolatedClassLoader;
import app.stride.testkit.junit.OnlyProperties;
import app.stride.testkit.tokens.TestTokens;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.functions.invoker.runner.Invoker;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The planner deployable end to end: the real Functions Framework invoker serving {@link
 * PlannerHttpFunction} against the Firestore emulator, with a token signed here and its public key
 * given as {@code STRIDE_LOCAL_JWKS}; and the data eraser {@link PlannerUserEraserFunction} started
 * on its own with only region and Firestore, fed the push body its subscription delivers.
 */
class PlannerFunctionIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TestTokens TOKENS = new TestTokens();
  private static final Map<String, String> CONFIG = new LinkedHashMap<>();
  private static final String RUN = "w_01j9zq3v8t6x4n2kbc5d7e9f0g";
  private static final RegionId APAC = RegionId.of("apac");

  /** What the eraser needs of what infra gives it, and the emulator standing in for Firestore. */
  private static final Set<String> ERASER_VARIABLES =
      Set.of("STRIDE_REGION", "STRIDE_FIRESTORE_PROJECT", "STRIDE_FIRESTORE_EMULATOR_HOST");

  private static Firestore firestore;
  private static Invoker http;
  private static URI base;

  @BeforeAll
  static void start() throws Exception {
    CONFIG.put("STRIDE_REGION", "apac");
    CONFIG.put("STRIDE_FIRESTORE_PROJECT", FIRESTORE.projectId());
    CONFIG.put("STRIDE_FIRESTORE_EMULATOR_HOST", FIRESTORE.emulatorHost());
    CONFIG.put("STRIDE_JWT_ISSUER", TestTokens.ISSUER);
    CONFIG.put("STRIDE_JWT_AUDIENCE", TestTokens.AUDIENCE);
    CONFIG.put("STRIDE_LOCAL_MODE", "true");
    CONFIG.put("STRIDE_LOCAL_JWKS", TOKENS.publicJwks());
    CONFIG.forEach(System::setProperty);
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    http =
        new Invoker(
            port,
            PlannerHttpFunction.class.getName(),
            null,
            Thread.currentThread().getContextClassLoader());
    http.startTestServer();
    base = URI.create("http://127.0.0.1:" + port);
  }

  @AfterAll
  static void stop() throws Exception {
    if (http != null) {
      http.stopServer();
    }
    CONFIG.keySet().forEach(System::clearProperty);
    if (firestore != null) {
      firestore.close();
    }
  }

  @Test
  void startAPlan_readTheSchedule_andCompleteASessionFromARecordedRun() throws Exception {
    String token = TOKENS.accessToken("kai-e2e", "apac");
    LocalDate start = LocalDate.now(ZoneId.of("Asia/Singapore")).plusDays(1);

    HttpResponse<String> started =
        send(
            HttpRequest.newBuilder(base.resolve("/v1/me/plans"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"planId\":\"running-10k-beginner\",\"startDate\":\""
                            + start
                            + "\",\"daysPerWeek\":3,\"timeZone\":\"Asia/Singapore\"}")));

    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    assertThat(started.headers().firstValue("RateLimit")).isPresent();
    String myPlanId = Json.mapper().readTree(started.body()).get("id").asString();
    assertThat(
            firestore
                .collection("users")
                .document("kai-e2e")
                .collection("plans")
                .document(myPlanId)
                .get()
                .get()
                .getLong("version"))
        .isEqualTo(1L);

    HttpResponse<String> schedule =
        send(
            HttpRequest.newBuilder(
                    base.resolve("/v1/me/schedule?from=" + start + "&to=" + start.plusDays(6)))
                .header("Authorization", "Bearer " + token)
                .GET());

    assertThat(schedule.statusCode()).as(schedule.body()).isEqualTo(200);
    JsonNode sessions = Json.mapper().readTree(schedule.body()).get("sessions");
    assertThat(sessions.size()).isEqualTo(3);

    firestore
        .collection("users")
        .document("kai-e2e")
        .collection("workouts")
        .document(RUN)
        .set(
            Map.of(
                "sport",
                "running",
                "startTime",
                start + "T06:00:00Z",
                "durationSeconds",
                1800L,
                "version",
                1L))
        .get();
    HttpResponse<String> done =
        send(
            HttpRequest.newBuilder(
                    base.resolve(
                        "/v1/me/plans/"
                            + myPlanId
                            + "/sessions/"
                            + sessions.get(0).get("sessionId").asString()))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                    "PATCH",
                    HttpRequest.BodyPublishers.ofString(
                        "{\"status\":\"done\",\"workoutId\":\"" + RUN + "\"}")));

    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("\"status\":\"done\"").contains(RUN);
  }

  @Test
  void startPlan_withAnUnknownPlan_is400_andStoresNothing() throws Exception {
    HttpResponse<String> started =
        send(
            HttpRequest.newBuilder(base.resolve("/v1/me/plans"))
                .header("Authorization", "Bearer " + TOKENS.accessToken("lee-e2e", "apac"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"planId\":\"running-ultra\",\"startDate\":\"2099-01-05\","
                            + "\"daysPerWeek\":3,\"timeZone\":\"Asia/Singapore\"}")));

    assertThat(started.statusCode()).as(started.body()).isEqualTo(400);
    assertThat(firestore.collection("users").document("lee-e2e").collection("plans").get().get())
        .isEmpty();
  }

  @Test
  void aTokenOfAnotherHomeRegion_is421() throws Exception {
    HttpResponse<String> list =
        send(
            HttpRequest.newBuilder(base.resolve("/v1/me/plans"))
                .header("Authorization", "Bearer " + TOKENS.accessToken("eve-e2e", "eu"))
                .GET());

    assertThat(list.statusCode()).isEqualTo(421);
  }

  @Test
  void userEraser_startedWithOnlyItsVariables_erasesTheDeletedUsersPlansAndFeed() throws Exception {
    String ana = "u-" + UUID.randomUUID();
    String ben = "u-" + UUID.randomUUID();
    startPlan(ana);
    startPlan(ben);
    FirestoreCalendarFeedStore feeds = new FirestoreCalendarFeedStore(firestore, APAC);
    String hash = "h-" + UUID.randomUUID();
    feeds.addLookup(hash, new UserId(ana), Instant.now(), APAC);
    feeds.save(new CalendarFeed(new UserId(ana), hash, "en", Instant.now(), 1), 0, APAC);
    String eventId = UUID.randomUUID().toString();

    HttpResponse<String> push =
        OnlyProperties.during(
            CONFIG.keySet(),
            ERASER_VARIABLES,
            () -> eraseAlone(eventId, UserDeleted.event(eventId, "apac", ana, Instant.now())));

    assertThat(push.statusCode()).as(push.body()).isEqualTo(204);
    assertThat(plans(ana)).isEmpty();
    assertThat(feeds.load(new UserId(ana), APAC)).isEmpty();
    assertThat(feeds.ownerOf(hash, APAC)).isEmpty();
    assertThat(plans(ben)).hasSize(1);
  }

  @Test
  void userEraser_refusesAnEventOfAnotherSource_with500_andErasesNothing() throws Exception {
    String ana = "u-" + UUID.randomUUID();
    startPlan(ana);
    String eventId = UUID.randomUUID().toString();
    String forged =
        new EventCodec()
            .encode(UserDeleted.event(eventId, "apac", ana, Instant.now()))
            .replace("/stride/apac/auth", "/stride/apac/planner");

    HttpResponse<String> push =
        OnlyProperties.during(
            CONFIG.keySet(),
            ERASER_VARIABLES,
            () -> eraseAlone(eventId, forged.getBytes(StandardCharsets.UTF_8)));

    assertThat(push.statusCode()).as("an error status: Pub/Sub redelivers").isEqualTo(500);
    assertThat(plans(ana)).hasSize(1);
  }

  private static void startPlan(String user) throws Exception {
    HttpResponse<String> started =
        send(
            HttpRequest.newBuilder(base.resolve("/v1/me/plans"))
                .header("Authorization", "Bearer " + TOKENS.accessToken(user, "apac"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"planId\":\"running-10k-beginner\",\"startDate\":\""
                            + LocalDate.now(ZoneId.of("Asia/Singapore")).plusDays(1)
                            + "\",\"daysPerWeek\":3,\"timeZone\":\"Asia/Singapore\"}")));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
  }

  private static List<?> plans(String user) throws Exception {
    return firestore
        .collection("users")
        .document(user)
        .collection("plans")
        .get()
        .get()
        .getDocuments();
  }

  private static HttpResponse<String> eraseAlone(String eventId, CloudEvent<UserDeleted> event)
      throws Exception {
    return eraseAlone(eventId, new EventCodec().encodeToBytes(event));
  }

  /**
   * Starts {@link PlannerUserEraserFunction} in its own class loader (its own Spring context, built
   * from the properties left) and POSTs it what its push subscription delivers for {@code data}.
   */
  private static HttpResponse<String> eraseAlone(String eventId, byte[] data) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    IsolatedClassLoader isolated =
        new IsolatedClassLoader(
            Thread.currentThread().getContextClassLoader(),
            List.of("com.google.cloud.functions.", "io.cloudevents."));
    Invoker eraser = new Invoker(port, PlannerUserEraserFunction.class.getName(), null, isolated);
    eraser.startTestServer();
    try (var template =
        PlannerFunctionIT.class.getResourceAsStream("/pubsub/user-deleted-push.json")) {
      String body =
          new String(template.readAllBytes(), StandardCharsets.UTF_8)
              .replace("${EVENT_ID}", eventId)
              .replace("${MESSAGE_ID}", UUID.randomUUID().toString())
              .replace("${DATA}", Base64.getEncoder().encodeToString(data));
      return send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    } finally {
      eraser.stopServer();
      isolated.close();
    }
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
