package app.stride.planner.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.json.Json;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.testkit.junit.FirestoreExtension;
import app.stride.testkit.tokens.TestTokens;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.functions.invoker.runner.Invoker;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The planner deployable end to end: the real Functions Framework invoker serving {@link
 * PlannerHttpFunction} against the Firestore emulator, with a token signed here and its public key
 * given as {@code STRIDE_LOCAL_JWKS}.
 */
class PlannerFunctionIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TestTokens TOKENS = new TestTokens();
  private static final Map<String, String> CONFIG = new LinkedHashMap<>();
  private static final String RUN = "w_01j9zq3v8t6x4n2kbc5d7e9f0g";

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

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
