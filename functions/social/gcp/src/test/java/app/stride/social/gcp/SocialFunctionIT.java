package app.stride.social.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.json.Json;
import app.stride.testkit.junit.FirestoreExtension;
import app.stride.testkit.tokens.TestTokens;
import com.google.cloud.functions.invoker.runner.Invoker;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The social deployable end to end: the real Functions Framework invoker serving {@link
 * SocialHttpFunction} for region {@code apac} against the Firestore emulator, called by users homed
 * in other regions with tokens signed here (their public keys as {@code STRIDE_LOCAL_JWKS}).
 */
class SocialFunctionIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TestTokens TOKENS = new TestTokens();
  private static final Map<String, String> CONFIG = new LinkedHashMap<>();

  private static Invoker invoker;
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
    CONFIG.put("STRIDE_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    CONFIG.forEach(System::setProperty);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    invoker =
        new Invoker(
            port,
            SocialHttpFunction.class.getName(),
            null,
            Thread.currentThread().getContextClassLoader());
    invoker.startTestServer();
    base = URI.create("http://127.0.0.1:" + port);
  }

  @AfterAll
  static void stop() throws Exception {
    if (invoker != null) {
      invoker.stopServer();
    }
    CONFIG.keySet().forEach(System::clearProperty);
  }

  @Test
  void groupOfApac_isCreatedThere_joinedFromEu_andChattedIn() throws Exception {
    String chen = TOKENS.accessToken("chen", "apac");
    String ana = TOKENS.accessToken("ana", "eu");

    HttpResponse<String> created =
        post(
            "/v1/groups",
            chen,
            "{\"name\":\"Singapore Sunrise\",\"sport\":\"running\",\"visibility\":\"public\","
                + "\"card\":{\"displayName\":\"Chen\"}}");
    String group = Json.mapper().readTree(created.body()).path("groupId").asString();
    HttpResponse<String> joined =
        post("/v1/groups/" + group + "/members", ana, "{\"card\":{\"displayName\":\"Ana\"}}");
    HttpResponse<String> sent =
        post(
            "/v1/groups/" + group + "/messages",
            ana,
            "{\"text\":\"hello from eu\",\"clientMessageId\":\"client-0001\"}");
    HttpResponse<String> history =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/v1/groups/" + group + "/messages"))
                .header("Authorization", "Bearer " + chen)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> found =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/v1/regions/apac/groups?q=singa"))
                .header("Authorization", "Bearer " + ana)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(group).startsWith("apac.g");
    assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    assertThat(history.body()).contains("hello from eu");
    assertThat(found.body()).contains(group);
  }

  @Test
  void emptyMessage_is400_andANonMemberCannotPost() throws Exception {
    String chen = TOKENS.accessToken("chen2", "apac");
    String group =
        Json.mapper()
            .readTree(
                post(
                        "/v1/groups",
                        chen,
                        "{\"name\":\"Quiet Yoga\",\"sport\":\"yoga\",\"visibility\":\"public\","
                            + "\"card\":{\"displayName\":\"Chen\"}}")
                    .body())
            .path("groupId")
            .asString();

    HttpResponse<String> empty =
        post(
            "/v1/groups/" + group + "/messages",
            chen,
            "{\"text\":\"   \",\"clientMessageId\":\"client-0001\"}");
    HttpResponse<String> stranger =
        post(
            "/v1/groups/" + group + "/messages",
            TOKENS.accessToken("eve", "us"),
            "{\"text\":\"hi\",\"clientMessageId\":\"client-0002\"}");

    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(stranger.statusCode()).isEqualTo(403);
  }

  private static HttpResponse<String> post(String path, String token, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
