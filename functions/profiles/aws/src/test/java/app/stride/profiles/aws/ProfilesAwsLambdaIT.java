package app.stride.profiles.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.lambda.LocalLambdaContext;
import app.stride.aws.sqs.SqsClients;
import app.stride.aws.sqs.SqsSettings;
import app.stride.core.event.OutboundEvent;
import app.stride.core.json.Json;
import app.stride.core.region.RegionId;
import app.stride.profiles.aws.adapter.out.dynamodb.DynamoProfileStore;
import app.stride.profiles.domain.Preferences;
import app.stride.profiles.domain.Profile;
import app.stride.profiles.domain.UserId;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.ElasticMqExtension;
import app.stride.testkit.junit.OnlyProperties;
import app.stride.testkit.junit.UniqueNames;
import app.stride.testkit.tokens.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;

/**
 * The profiles deployable end to end through the real Lambda handler: {@code FunctionInvoker}
 * starts {@code ProfilesAwsApplication} (MAIN_CLASS) and serves API Gateway v2 events against
 * dynalite and ElasticMQ. System properties stand in for the variables infra sets: {@code
 * MAIN_CLASS} is read from the environment or, failing that, the system properties; {@code
 * spring.cloud.function.definition} and the {@code STRIDE_*} settings are read from both.
 */
class ProfilesAwsLambdaIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();
  @RegisterExtension static final ElasticMqExtension SQS = new ElasticMqExtension();

  private static final TestTokens TOKENS = new TestTokens();
  private static final List<String> PROPERTIES =
      List.of(
          "MAIN_CLASS",
          "spring.cloud.function.definition",
          "STRIDE_REGION",
          "STRIDE_PROFILES_TABLE",
          "STRIDE_DYNAMODB_ENDPOINT",
          "STRIDE_EVENTS_QUEUE_URL",
          "STRIDE_SQS_ENDPOINT",
          "STRIDE_LOCAL_MODE",
          "STRIDE_CREATE_TABLES",
          "STRIDE_LOCAL_JWKS",
          "STRIDE_JWT_ISSUER",
          "STRIDE_JWT_AUDIENCE",
          "STRIDE_ORIGIN_VERIFY_SECRET");

  /**
   * What infra gives the relay Lambda ({@code CapabilityRuntime.relayEnvironment}), with the local
   * endpoints and switch the cloud does not need.
   */
  private static final Set<String> RELAY_VARIABLES =
      Set.of(
          "MAIN_CLASS",
          "spring.cloud.function.definition",
          "STRIDE_REGION",
          "STRIDE_PROFILES_TABLE",
          "STRIDE_EVENTS_QUEUE_URL",
          "STRIDE_DYNAMODB_ENDPOINT",
          "STRIDE_SQS_ENDPOINT",
          "STRIDE_LOCAL_MODE");

  private static SqsClient sqs;
  private static String queueUrl;
  private static String table;
  private static FunctionInvoker http;

  @BeforeAll
  static void startFunction() throws IOException {
    sqs =
        SqsClients.client(
            new SqsSettings(Region.of(SQS.region()), "unused", Optional.of(SQS.endpoint())));
    queueUrl = sqs.createQueue(r -> r.queueName(UniqueNames.uniqueName("events-eu"))).queueUrl();
    table = UniqueNames.uniqueName("stride-profiles-eu");
    System.setProperty("MAIN_CLASS", ProfilesAwsApplication.class.getName());
    System.setProperty("STRIDE_REGION", "eu");
    System.setProperty("STRIDE_PROFILES_TABLE", table);
    System.setProperty("STRIDE_DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString());
    System.setProperty("STRIDE_EVENTS_QUEUE_URL", queueUrl);
    System.setProperty("STRIDE_SQS_ENDPOINT", SQS.endpoint().toString());
    System.setProperty("STRIDE_LOCAL_MODE", "true");
    System.setProperty("STRIDE_CREATE_TABLES", "true");
    System.setProperty("STRIDE_LOCAL_JWKS", TOKENS.publicJwks());
    System.setProperty("STRIDE_JWT_ISSUER", TestTokens.ISSUER);
    System.setProperty("STRIDE_JWT_AUDIENCE", TestTokens.AUDIENCE);

    long start = System.nanoTime();
    http = invoker("profilesHttp");
    JsonNode first = invoke(http, event("apigw-v2-get-profile.json", "u-cold-start", "eu"));
    System.out.printf(
        "profiles FunctionInvoker cold start (Spring context + first request, in-JVM): %d ms%n",
        (System.nanoTime() - start) / 1_000_000);
    assertThat(first.get("statusCode").asInt()).isEqualTo(404);
  }

  @AfterAll
  static void clearProperties() {
    PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  void putThenGet_servesTheProfileWithItsETagAndPublishesTheEvent() throws IOException {
    String user = "u-" + UUID.randomUUID();

    JsonNode put = invoke(http, event("apigw-v2-put-profile.json", user, "eu"));

    assertThat(put.get("statusCode").asInt()).isEqualTo(201);
    assertThat(put.get("headers").get("ETag").asString()).isEqualTo("\"1\"");
    assertThat(put.get("headers").get("Location").asString()).isEqualTo("/v1/me/profile");

    JsonNode get = invoke(http, event("apigw-v2-get-profile.json", user, "eu"));

    assertThat(get.get("statusCode").asInt()).isEqualTo(200);
    assertThat(get.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(get.get("headers").get("ETag").asString()).isEqualTo("\"1\"");
    JsonNode profile = Json.mapper().readTree(get.get("body").asString());
    assertThat(profile.get("displayName").asString()).isEqualTo("Ana Runner");
    assertThat(profile.get("preferences").get("language").asString()).isEqualTo("pt-BR");

    Message published = receiveOne();
    assertThat(published.messageAttributes().get("ce-type").stringValue())
        .isEqualTo("app.stride.profile.v1.updated");
    assertThat(published.messageAttributes().get("ce-subject").stringValue()).isEqualTo(user);
    JsonNode cloudEvent = Json.mapper().readTree(published.body());
    assertThat(cloudEvent.get("id").asString())
        .isEqualTo(published.messageAttributes().get("ce-id").stringValue());
  }

  @Test
  void put_continuesTheCallersTrace_intoThePublishedEvent() throws IOException {
    String user = "u-" + UUID.randomUUID();
    String traceId = "7a3f0c2e9b1d4e6f8a0b2c4d6e8f1a3b";
    String traced =
        new String(event("apigw-v2-put-profile.json", user, "eu"), StandardCharsets.UTF_8)
            .replace(
                "\"accept\": \"application/json\",",
                "\"accept\": \"application/json\", \"traceparent\": \"00-"
                    + traceId
                    + "-00f067aa0ba902b7-01\",");

    JsonNode put = invoke(http, traced.getBytes(StandardCharsets.UTF_8));

    assertThat(put.get("statusCode").asInt()).isEqualTo(201);
    assertThat(put.get("headers").get("RateLimit").asString()).contains("\"write-user\"");
    assertThat(put.get("headers").get("RateLimit-Policy").asString()).contains("write-");
    Message published = receiveOne();
    String traceparent = published.messageAttributes().get("ce-traceparent").stringValue();
    assertThat(traceparent).startsWith("00-" + traceId + "-");
    assertThat(Json.mapper().readTree(published.body()).path("traceparent").asString())
        .isEqualTo(traceparent);
  }

  @Test
  void burstOfWritesByOneUser_isRefusedWith429AndRateLimitHeaders() throws IOException {
    // Homed elsewhere: every admitted call is refused by the handler (421), nothing is written.
    byte[] put = event("apigw-v2-put-profile.json", "u-" + UUID.randomUUID(), "us");
    List<JsonNode> answers = new java.util.ArrayList<>();

    // The bucket holds 30 and refills 1/s: on a loaded machine the burst may earn a few refills
    // before it empties, so send until the first refusal and bound what was admitted by the clock.
    long started = System.nanoTime();
    JsonNode refused = null;
    while (refused == null && answers.size() < 90) {
      JsonNode answer = invoke(http, put);
      if (answer.get("statusCode").asInt() == 429) {
        refused = answer;
      } else {
        answers.add(answer);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    assertThat(refused).as("a 429 once the bucket is empty").isNotNull();
    assertThat(answers).allSatisfy(a -> assertThat(a.get("statusCode").asInt()).isEqualTo(421));
    assertThat(answers.size()).isBetween(30, 30 + (int) Math.ceil(seconds) + 1);
    JsonNode headers = refused.get("headers");
    assertThat(headers.get("Content-Type").asString()).isEqualTo("application/problem+json");
    assertThat(headers.get("Retry-After").asLong()).isPositive();
    assertThat(headers.get("RateLimit").asString()).contains("\"write-user\";r=0");
    assertThat(headers.get("RateLimit-Policy").asString()).contains("\"write-user\";q=30");
  }

  @Test
  void withTheOriginSecret_aCallAroundCloudFrontIs403() throws IOException {
    System.setProperty("STRIDE_ORIGIN_VERIFY_SECRET", "origin-secret-for-this-test");
    FunctionInvoker guarded;
    try {
      guarded = invoker("profilesHttp");
    } finally {
      System.clearProperty("STRIDE_ORIGIN_VERIFY_SECRET");
    }
    String user = "u-" + UUID.randomUUID();
    byte[] direct = event("apigw-v2-get-profile.json", user, "eu");
    byte[] viaCdn =
        new String(direct, StandardCharsets.UTF_8)
            .replace(
                "\"authorization\":",
                "\"x-stride-origin-verify\": \"origin-secret-for-this-test\", \"authorization\":")
            .getBytes(StandardCharsets.UTF_8);

    JsonNode refused = invoke(guarded, direct);
    JsonNode served = invoke(guarded, viaCdn);

    assertThat(refused.get("statusCode").asInt()).isEqualTo(403);
    assertThat(refused.get("body").asString()).contains("https://stride.app/problems/forbidden");
    assertThat(served.get("statusCode").asInt()).isEqualTo(404);
  }

  @Test
  void get_withoutATokenAnswersUnauthorizedProblem() throws IOException {
    String event =
        new String(read("apigw-v2-get-profile.json"), StandardCharsets.UTF_8)
            .replace("\"authorization\": \"Bearer ${TOKEN}\",", "");

    JsonNode response = invoke(http, event.getBytes(StandardCharsets.UTF_8));

    assertThat(response.get("statusCode").asInt()).isEqualTo(401);
    assertThat(response.get("headers").get("Content-Type").asString())
        .isEqualTo("application/problem+json");
  }

  @Test
  void put_ofAUserHomedElsewhereIsRefusedAndWritesNothing() throws IOException {
    String user = "u-" + UUID.randomUUID();

    JsonNode put = invoke(http, event("apigw-v2-put-profile.json", user, "us"));

    assertThat(put.get("statusCode").asInt()).isEqualTo(421);
    assertThat(localStore().load(new UserId(user), RegionId.of("eu"))).isEmpty();
  }

  /**
   * The relay Lambda starts with only the variables infra gives it (pinned by infra's {@code
   * CapabilitiesAwsTest}; the local endpoints and switch stand in for the cloud's).
   */
  @Test
  void outboxRelaySchedule_startsWithOnlyItsVariables_andPublishesEventsLeftPending()
      throws Exception {
    DynamoProfileStore store = localStore();
    String user = "u-" + UUID.randomUUID();
    String eventId = UUID.randomUUID().toString();
    store.create(
        new Profile(
            new UserId(user),
            "Left",
            null,
            null,
            null,
            null,
            null,
            null,
            Preferences.DEFAULTS,
            1,
            Instant.now()),
        new OutboundEvent(
            eventId,
            "app.stride.profile.v1.updated",
            user,
            ("{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\"}")
                .getBytes(StandardCharsets.UTF_8)),
        RegionId.of("eu"));
    drainQueue();

    OnlyProperties.during(
        PROPERTIES,
        RELAY_VARIABLES,
        () -> invoke(invoker("profilesOutboxRelaySchedule"), read("scheduler-outbox-relay.json")));

    Message relayed = receiveOne();
    assertThat(relayed.messageAttributes().get("ce-id").stringValue()).isEqualTo(eventId);
    assertThat(store.pending(10, RegionId.of("eu"))).noneMatch(p -> p.event().id().equals(eventId));
  }

  private static FunctionInvoker invoker(String definition) {
    System.setProperty("spring.cloud.function.definition", definition);
    return new FunctionInvoker();
  }

  private static DynamoProfileStore localStore() {
    return new DynamoProfileStore(
        DynamoDbClients.enhanced(
            DynamoDbClients.client(
                new DynamoDbSettings(
                    Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())))),
        table,
        RegionId.of("eu"),
        Clock.systemUTC());
  }

  private static byte[] event(String fixture, String user, String homeRegion) {
    String json = new String(read(fixture), StandardCharsets.UTF_8);
    return json.replace("${TOKEN}", TOKENS.accessToken(user, homeRegion))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode invoke(FunctionInvoker invoker, byte[] event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    invoker.handleRequest(
        new ByteArrayInputStream(event), out, new LocalLambdaContext("profiles", 30_000));
    return Json.mapper().readTree(out.toByteArray());
  }

  private static Message receiveOne() {
    List<Message> messages =
        sqs.receiveMessage(
                r ->
                    r.queueUrl(queueUrl)
                        .messageAttributeNames("All")
                        .maxNumberOfMessages(1)
                        .waitTimeSeconds(5))
            .messages();
    assertThat(messages).hasSize(1);
    sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(messages.get(0).receiptHandle()));
    return messages.get(0);
  }

  private static void drainQueue() {
    sqs.purgeQueue(r -> r.queueUrl(queueUrl));
  }

  private static byte[] read(String fixture) {
    try (InputStream in = ProfilesAwsLambdaIT.class.getResourceAsStream("/events/" + fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + fixture);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
