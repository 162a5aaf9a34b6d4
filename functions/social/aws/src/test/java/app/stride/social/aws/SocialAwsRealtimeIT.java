package app.stride.social.aws;

import static app.stride.social.aws.LambdaEvents.body;
import static app.stride.social.aws.LambdaEvents.event;
import static app.stride.social.aws.LambdaEvents.invoke;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.json.Json;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import app.stride.testkit.tokens.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;

/**
 * The chat channel on AWS through the real Lambda handlers: {@code socialRealtime} takes the
 * WebSocket API's events, {@code socialHttp} the REST chat, and changes reach subscribed
 * connections through a WireMock stand-in of the management API.
 */
class SocialAwsRealtimeIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final TestTokens TOKENS = new TestTokens();
  private static final List<String> PROPERTIES =
      List.of(
          "MAIN_CLASS",
          "spring.cloud.function.definition",
          "STRIDE_REGION",
          "STRIDE_SOCIAL_TABLE",
          "STRIDE_DYNAMODB_ENDPOINT",
          "STRIDE_LOCAL_MODE",
          "STRIDE_CREATE_TABLES",
          "STRIDE_LOCAL_JWKS",
          "STRIDE_JWT_ISSUER",
          "STRIDE_JWT_AUDIENCE",
          "STRIDE_CURSOR_KEY",
          "STRIDE_WEBSOCKET_ENDPOINT");

  private static WireMockServer management;
  private static FunctionInvoker http;
  private static FunctionInvoker realtime;

  @BeforeAll
  static void startFunctions() {
    management = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    management.start();
    management.stubFor(
        post(urlPathMatching("/live/@connections/.*")).willReturn(aResponse().withStatus(200)));
    System.setProperty("MAIN_CLASS", SocialAwsApplication.class.getName());
    System.setProperty("STRIDE_REGION", "eu");
    System.setProperty("STRIDE_SOCIAL_TABLE", UniqueNames.uniqueName("stride-social-eu"));
    System.setProperty("STRIDE_DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString());
    System.setProperty("STRIDE_LOCAL_MODE", "true");
    System.setProperty("STRIDE_CREATE_TABLES", "true");
    System.setProperty("STRIDE_LOCAL_JWKS", TOKENS.publicJwks());
    System.setProperty("STRIDE_JWT_ISSUER", TestTokens.ISSUER);
    System.setProperty("STRIDE_JWT_AUDIENCE", TestTokens.AUDIENCE);
    System.setProperty("STRIDE_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    System.setProperty(
        "STRIDE_WEBSOCKET_ENDPOINT", "http://127.0.0.1:" + management.port() + "/live");
    System.setProperty("spring.cloud.function.definition", "socialHttp");
    http = new FunctionInvoker();
    System.setProperty("spring.cloud.function.definition", SocialAwsApplication.REALTIME);
    realtime = new FunctionInvoker();
  }

  @AfterAll
  static void stop() {
    PROPERTIES.forEach(System::clearProperty);
    management.stop();
  }

  private static JsonNode connect(String connectionId, String protocols) throws Exception {
    return invoke(realtime, WebSocketEvents.connect(connectionId, protocols));
  }

  private static JsonNode frame(String connectionId, String frame) throws Exception {
    JsonNode response = invoke(realtime, WebSocketEvents.message(connectionId, frame));
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    return Json.mapper().readTree(response.path("body").asString());
  }

  private static String group(String ownerToken, String visibility) throws Exception {
    return body(invoke(
            http,
            event(
                "POST",
                "/v1/groups",
                ownerToken,
                "{\"name\":\"Lisbon Runners\",\"sport\":\"running\",\"visibility\":\""
                    + visibility
                    + "\",\"card\":{\"displayName\":\"Ana\"}}")))
        .path("groupId")
        .asString();
  }

  @Test
  void memberOfAnotherRegion_subscribes_andGetsTheSentMessage_throughTheManagementApi()
      throws Exception {
    String ana = TOKENS.accessToken("ana", "eu");
    String bo = TOKENS.accessToken("bo", "us");
    String group = group(ana, "public");
    invoke(
        http,
        event(
            "POST", "/v1/groups/" + group + "/members", bo, "{\"card\":{\"displayName\":\"Bo\"}}"));

    JsonNode connected = connect("connBo01", "stride.chat.v1, bearer." + bo);
    JsonNode subscribed =
        frame("connBo01", "{\"type\":\"subscribe\",\"groupId\":\"" + group + "\",\"id\":\"s1\"}");
    invoke(
        http,
        event(
            "POST",
            "/v1/groups/" + group + "/messages",
            ana,
            "{\"text\":\"hello bo\",\"clientMessageId\":\"client-0001\"}"));

    assertThat(connected.path("statusCode").asInt()).isEqualTo(200);
    assertThat(connected.path("headers").path("Sec-WebSocket-Protocol").asString())
        .isEqualTo("stride.chat.v1");
    assertThat(subscribed.path("type").asString()).isEqualTo("subscribed");
    List<LoggedRequest> pushes =
        management.findAll(postRequestedFor(urlPathEqualTo("/live/@connections/connBo01")));
    assertThat(pushes).hasSize(1);
    JsonNode pushed = Json.mapper().readTree(pushes.get(0).getBodyAsString());
    assertThat(pushed.path("type").asString()).isEqualTo("message.sent");
    assertThat(pushed.path("message").path("text").asString()).isEqualTo("hello bo");
  }

  @Test
  void connect_withForgedMissingOrExpiredToken_isRefused() throws Exception {
    String forged = TOKENS.accessToken("eve", "eu").replaceAll(".{6}$", "AAAAAA");
    String expired =
        TOKENS.sign(
            TOKENS
                .claims(
                    "eve", "eu", Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(10))
                .build());

    JsonNode forgedAnswer = connect("connEve1", "stride.chat.v1, bearer." + forged);
    JsonNode expiredAnswer = connect("connEve2", "stride.chat.v1, bearer." + expired);
    JsonNode missingAnswer = connect("connEve3", "stride.chat.v1");
    JsonNode afterRefusal = frame("connEve1", "{\"type\":\"ping\"}");

    assertThat(forgedAnswer.path("statusCode").asInt()).isEqualTo(401);
    assertThat(expiredAnswer.path("statusCode").asInt()).isEqualTo(401);
    assertThat(missingAnswer.path("statusCode").asInt()).isEqualTo(401);
    assertThat(afterRefusal.path("error").asString()).isEqualTo("connection-gone");
  }

  @Test
  void nonMember_isRefused_andAGoneConnection_isForgotten() throws Exception {
    String ana = TOKENS.accessToken("ana", "eu");
    String group = group(ana, "private");
    connect("connEve9", "stride.chat.v1, bearer." + TOKENS.accessToken("eve", "eu"));
    connect("connAnaG", "stride.chat.v1, bearer." + ana);
    frame("connAnaG", "{\"type\":\"subscribe\",\"groupId\":\"" + group + "\"}");
    management.stubFor(
        post(urlPathEqualTo("/live/@connections/connAnaG"))
            .willReturn(
                aResponse()
                    .withStatus(410)
                    .withHeader("x-amzn-ErrorType", "GoneException")
                    .withBody("{\"message\":null}")));

    JsonNode refused = frame("connEve9", "{\"type\":\"subscribe\",\"groupId\":\"" + group + "\"}");
    invoke(
        http,
        event(
            "POST",
            "/v1/groups/" + group + "/messages",
            ana,
            "{\"text\":\"anyone?\",\"clientMessageId\":\"client-0002\"}"));
    JsonNode afterGone = frame("connAnaG", "{\"type\":\"ping\"}");
    JsonNode disconnected = invoke(realtime, WebSocketEvents.disconnect("connEve9"));

    assertThat(refused.path("error").asString()).isEqualTo("not-a-member");
    assertThat(afterGone.path("error").asString()).isEqualTo("connection-gone");
    assertThat(disconnected.path("statusCode").asInt()).isEqualTo(200);
    assertThat(frame("connEve9", "{\"type\":\"ping\"}").path("error").asString())
        .isEqualTo("connection-gone");
  }
}
