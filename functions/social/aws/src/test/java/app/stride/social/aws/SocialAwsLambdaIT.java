package app.stride.social.aws;

import static app.stride.social.aws.LambdaEvents.body;
import static app.stride.social.aws.LambdaEvents.event;
import static app.stride.social.aws.LambdaEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import app.stride.testkit.tokens.TestTokens;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;

/**
 * The social deployable end to end through the real Lambda handler: {@code FunctionInvoker} starts
 * {@code SocialAwsApplication} with {@code socialHttp} and serves API Gateway v2 events against
 * dynalite, for callers homed in any region (tokens signed by each region's key).
 */
class SocialAwsLambdaIT {
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
          "STRIDE_CURSOR_KEY");

  private static FunctionInvoker http;

  @BeforeAll
  static void startFunction() {
    System.setProperty("MAIN_CLASS", SocialAwsApplication.class.getName());
    System.setProperty("spring.cloud.function.definition", "socialHttp");
    System.setProperty("STRIDE_REGION", "eu");
    System.setProperty("STRIDE_SOCIAL_TABLE", UniqueNames.uniqueName("stride-social-eu"));
    System.setProperty("STRIDE_DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString());
    System.setProperty("STRIDE_LOCAL_MODE", "true");
    System.setProperty("STRIDE_CREATE_TABLES", "true");
    System.setProperty("STRIDE_LOCAL_JWKS", TOKENS.publicJwks());
    System.setProperty("STRIDE_JWT_ISSUER", TestTokens.ISSUER);
    System.setProperty("STRIDE_JWT_AUDIENCE", TestTokens.AUDIENCE);
    System.setProperty("STRIDE_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    http = new FunctionInvoker();
  }

  @AfterAll
  static void clearProperties() {
    PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  void groupOfEu_isJoinedFromUs_andBothChat_throughTheLambdaHandler() throws Exception {
    String ana = TOKENS.accessToken("ana", "eu");
    String bo = TOKENS.accessToken("bo", "us");

    JsonNode created =
        invoke(
            http,
            event(
                "POST",
                "/v1/groups",
                ana,
                "{\"name\":\"Lisbon Runners\",\"sport\":\"running\",\"visibility\":\"public\","
                    + "\"card\":{\"displayName\":\"Ana\"}}"));
    String group = body(created).path("groupId").asString();
    JsonNode joined =
        invoke(
            http,
            event(
                "POST",
                "/v1/groups/" + group + "/members",
                bo,
                "{\"card\":{\"displayName\":\"Bo\"}}"));
    JsonNode sent =
        invoke(
            http,
            event(
                "POST",
                "/v1/groups/" + group + "/messages",
                bo,
                "{\"text\":\"hello from us\",\"clientMessageId\":\"client-0001\"}"));
    JsonNode history = invoke(http, event("GET", "/v1/groups/" + group + "/messages", ana, null));

    assertThat(created.path("statusCode").asInt()).isEqualTo(201);
    assertThat(group).startsWith("eu.g");
    assertThat(joined.path("statusCode").asInt()).isEqualTo(201);
    assertThat(sent.path("statusCode").asInt()).isEqualTo(201);
    assertThat(body(history).path("items").get(0).path("text").asString())
        .isEqualTo("hello from us");
  }

  @Test
  void sendBurst_isLimitedByTheChatSendClass() throws Exception {
    String ana = TOKENS.accessToken("cy", "eu");
    String group =
        body(invoke(
                http,
                event(
                    "POST",
                    "/v1/groups",
                    ana,
                    "{\"name\":\"Chatty\",\"sport\":\"yoga\",\"visibility\":\"private\","
                        + "\"card\":{\"displayName\":\"Cy\"}}")))
            .path("groupId")
            .asString();
    List<JsonNode> answers = new ArrayList<>();

    for (int i = 0; i < 20; i++) {
      answers.add(
          invoke(
              http,
              event(
                  "POST",
                  "/v1/groups/" + group + "/messages",
                  ana,
                  "{\"text\":\"msg " + i + "\",\"clientMessageId\":\"client-10" + i + "\"}")));
    }

    assertThat(answers.subList(0, 12))
        .allSatisfy(a -> assertThat(a.path("statusCode").asInt()).isEqualTo(201));
    // 12 at once, then one every 3 s: a burst of 20 outruns the refill whatever the machine's pace.
    JsonNode refused =
        answers.stream().filter(a -> a.path("statusCode").asInt() == 429).findFirst().orElseThrow();
    assertThat(refused.path("headers").path("RateLimit").asString()).contains("\"chat-send-user\"");
  }

  @Test
  void aForgedToken_is401() throws Exception {
    JsonNode answer = invoke(http, event("GET", "/v1/me/groups", "eyJhbGciOiJub25lIn0.e30.", null));

    assertThat(answer.path("statusCode").asInt()).isEqualTo(401);
  }
}
