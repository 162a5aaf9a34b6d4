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

import app.stride.aws.lambda.LocalLambdaContext;
import app.stride.aws.lambda.StrideFunctionInvoker;
import app.stride.core.json.Json;
import app.stride.events.EventCodec;
import app.stride.events.user.v1.UserDeleted;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.OnlyProperties;
import app.stride.testkit.junit.UniqueNames;
import app.stride.testkit.tokens.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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

  /** What infra gives the eraser, and the local endpoints standing in for the cloud's. */
  private static final Set<String> ERASER_VARIABLES =
      Set.of(
          "MAIN_CLASS",
          "spring.cloud.function.definition",
          "STRIDE_REGION",
          "STRIDE_SOCIAL_TABLE",
          "STRIDE_DYNAMODB_ENDPOINT",
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

  @Test
  void userEraser_startedWithOnlyItsVariables_tombstonesTheirMessages_andPushesTheDeletion()
      throws Exception {
    String ana = TOKENS.accessToken("ana", "eu");
    String cyId = "cy-" + UUID.randomUUID();
    String cy = TOKENS.accessToken(cyId, "eu");
    String group = group(ana, "public");
    invoke(
        http,
        event(
            "POST", "/v1/groups/" + group + "/members", cy, "{\"card\":{\"displayName\":\"Cy\"}}"));
    String cysMessage =
        body(invoke(
                http,
                event(
                    "POST",
                    "/v1/groups/" + group + "/messages",
                    cy,
                    "{\"text\":\"see you at 7\",\"clientMessageId\":\"client-0003\"}")))
            .path("messageId")
            .asString();
    connect("connAnaE", "stride.chat.v1, bearer." + ana);
    frame("connAnaE", "{\"type\":\"subscribe\",\"groupId\":\"" + group + "\"}");
    String deleted =
        new EventCodec()
            .encode(UserDeleted.event(UUID.randomUUID().toString(), "eu", cyId, Instant.now()));

    JsonNode batch =
        eraseAlone(Map.of("m-deleted", deleted, "m-unreadable", "{\"not\":\"an event\"}"));

    List<String> failed = new ArrayList<>();
    batch.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asString()));
    assertThat(failed).as(batch.toString()).containsExactly("m-unreadable");
    JsonNode history =
        body(invoke(http, event("GET", "/v1/groups/" + group + "/messages", ana, null)));
    JsonNode tombstone = history.path("items").get(0);
    assertThat(tombstone.path("messageId").asString()).isEqualTo(cysMessage);
    assertThat(tombstone.path("deleted").asBoolean()).isTrue();
    assertThat(tombstone.has("text")).isFalse();
    JsonNode members =
        body(invoke(http, event("GET", "/v1/groups/" + group + "/members", ana, null)));
    List<String> memberIds = new ArrayList<>();
    members.path("items").forEach(m -> memberIds.add(m.path("userId").asString()));
    assertThat(memberIds).containsExactly("ana");
    List<JsonNode> pushed = new ArrayList<>();
    for (LoggedRequest push :
        management.findAll(postRequestedFor(urlPathEqualTo("/live/@connections/connAnaE")))) {
      pushed.add(Json.mapper().readTree(push.getBodyAsString()));
    }
    assertThat(pushed)
        .anySatisfy(
            frame -> {
              assertThat(frame.path("type").asString()).isEqualTo("message.deleted");
              assertThat(frame.path("message").path("messageId").asString()).isEqualTo(cysMessage);
            });
  }

  /**
   * Starts {@code socialUserEraserQueue} on its own, with only {@link #ERASER_VARIABLES}, and hands
   * it an SQS event of one record per message id and body; its answer.
   */
  private static JsonNode eraseAlone(Map<String, String> bodies) throws Exception {
    ObjectNode event = Json.mapper().createObjectNode();
    var records = event.putArray("Records");
    new TreeMap<>(bodies)
        .forEach(
            (id, body) -> {
              ObjectNode record = records.addObject();
              record.put("messageId", id);
              record.put("receiptHandle", "rh-" + id);
              record.put("body", body);
              record.putObject("attributes").put("ApproximateReceiveCount", "1");
              record.putObject("messageAttributes");
              record.put("eventSource", "aws:sqs");
              record.put("eventSourceARN", "arn:aws:sqs:eu-west-1:000000000000:eraser-eu");
              record.put("awsRegion", "eu-west-1");
            });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String served = System.getProperty("spring.cloud.function.definition");
    OnlyProperties.during(
        PROPERTIES,
        ERASER_VARIABLES,
        () -> {
          System.setProperty("spring.cloud.function.definition", "socialUserEraserQueue");
          try {
            new StrideFunctionInvoker()
                .handleRequest(
                    new ByteArrayInputStream(Json.toBytes(event)),
                    out,
                    new LocalLambdaContext("stride-social-eraser-eu", 300_000));
          } finally {
            System.setProperty("spring.cloud.function.definition", served);
          }
          return null;
        });
    return Json.mapper().readTree(out.toByteArray());
  }
}
