package app.stride.workouts.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.aws.dynamodb.CursorCodec;
import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.aws.lambda.LocalLambdaContext;
import app.stride.aws.sqs.SqsClients;
import app.stride.aws.sqs.SqsSettings;
import app.stride.core.json.Json;
import app.stride.core.region.RegionId;
import app.stride.events.EventCodec;
import app.stride.events.user.v1.UserDeleted;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.ElasticMqExtension;
import app.stride.testkit.junit.OnlyProperties;
import app.stride.testkit.junit.UniqueNames;
import app.stride.testkit.tokens.TestTokens;
import app.stride.workouts.WorkoutTestData;
import app.stride.workouts.aws.adapter.out.dynamodb.DynamoWorkoutStore;
import app.stride.workouts.domain.Workout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The workouts deployable end to end through the real Lambda handler: {@code FunctionInvoker}
 * starts {@code WorkoutsAwsApplication} (MAIN_CLASS) and serves API Gateway v2 events against
 * dynalite and ElasticMQ; system properties stand in for the variables infra sets.
 */
class WorkoutsAwsLambdaIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();
  @RegisterExtension static final ElasticMqExtension SQS = new ElasticMqExtension();

  private static final TestTokens TOKENS = new TestTokens();
  private static final byte[] CURSOR_KEY = new byte[32];
  private static final List<String> PROPERTIES =
      List.of(
          "MAIN_CLASS",
          "spring.cloud.function.definition",
          "STRIDE_REGION",
          "STRIDE_WORKOUTS_TABLE",
          "STRIDE_PROFILES_TABLE",
          "STRIDE_DYNAMODB_ENDPOINT",
          "STRIDE_EVENTS_QUEUE_URL",
          "STRIDE_SQS_ENDPOINT",
          "STRIDE_LOCAL_MODE",
          "STRIDE_CREATE_TABLES",
          "STRIDE_LOCAL_JWKS",
          "STRIDE_JWT_ISSUER",
          "STRIDE_JWT_AUDIENCE",
          "STRIDE_CURSOR_KEY");

  /**
   * What infra gives the relay Lambda ({@code CapabilityRuntime.relayEnvironment}), with the local
   * endpoints and switch the cloud does not need.
   */
  private static final Set<String> RELAY_VARIABLES =
      Set.of(
          "MAIN_CLASS",
          "spring.cloud.function.definition",
          "STRIDE_REGION",
          "STRIDE_WORKOUTS_TABLE",
          "STRIDE_EVENTS_QUEUE_URL",
          "STRIDE_CURSOR_KEY",
          "STRIDE_DYNAMODB_ENDPOINT",
          "STRIDE_SQS_ENDPOINT",
          "STRIDE_LOCAL_MODE");

  /**
   * What infra gives the data eraser ({@code CapabilityRuntime.startEnvironment}: no cursor key, no
   * profiles table), with the local endpoints the cloud does not need.
   */
  private static final Set<String> ERASER_VARIABLES =
      Set.of(
          "MAIN_CLASS",
          "spring.cloud.function.definition",
          "STRIDE_REGION",
          "STRIDE_WORKOUTS_TABLE",
          "STRIDE_EVENTS_QUEUE_URL",
          "STRIDE_DYNAMODB_ENDPOINT",
          "STRIDE_SQS_ENDPOINT");

  private static SqsClient sqs;
  private static String queueUrl;
  private static String table;
  private static String profilesTable;
  private static FunctionInvoker http;

  @BeforeAll
  static void startFunction() throws IOException {
    sqs =
        SqsClients.client(
            new SqsSettings(Region.of(SQS.region()), "unused", Optional.of(SQS.endpoint())));
    queueUrl = sqs.createQueue(r -> r.queueName(UniqueNames.uniqueName("events-eu"))).queueUrl();
    table = UniqueNames.uniqueName("stride-workouts-eu");
    System.setProperty("MAIN_CLASS", WorkoutsAwsApplication.class.getName());
    System.setProperty("STRIDE_REGION", "eu");
    System.setProperty("STRIDE_WORKOUTS_TABLE", table);
    profilesTable = UniqueNames.uniqueName("stride-profiles-eu");
    createProfilesTable();
    System.setProperty("STRIDE_PROFILES_TABLE", profilesTable);
    System.setProperty("STRIDE_DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString());
    System.setProperty("STRIDE_EVENTS_QUEUE_URL", queueUrl);
    System.setProperty("STRIDE_SQS_ENDPOINT", SQS.endpoint().toString());
    System.setProperty("STRIDE_LOCAL_MODE", "true");
    System.setProperty("STRIDE_CREATE_TABLES", "true");
    System.setProperty("STRIDE_LOCAL_JWKS", TOKENS.publicJwks());
    System.setProperty("STRIDE_JWT_ISSUER", TestTokens.ISSUER);
    System.setProperty("STRIDE_JWT_AUDIENCE", TestTokens.AUDIENCE);
    System.setProperty("STRIDE_CURSOR_KEY", Base64.getEncoder().encodeToString(CURSOR_KEY));
    http = invoker("workoutsHttp");
  }

  @AfterAll
  static void clearProperties() {
    PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  void record_thenList_servesTheWorkout_publishesTheEvent_andARetryIsReplayed() throws IOException {
    String user = "u-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    String start =
        Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

    JsonNode recorded = invoke(http, post(user, key, start));
    JsonNode retried = invoke(http, post(user, key, start));
    JsonNode listed = invoke(http, event("apigw-v2-list-workouts.json", user, "eu"));

    assertThat(recorded.get("statusCode").asInt()).isEqualTo(201);
    assertThat(recorded.get("headers").get("ETag").asString()).isEqualTo("\"1\"");
    JsonNode workout = Json.mapper().readTree(recorded.get("body").asString());
    assertThat(workout.path("distanceMeters").asDouble()).isEqualTo(10000.0);
    assertThat(retried.get("statusCode").asInt()).isEqualTo(201);
    assertThat(retried.get("headers").get("Idempotent-Replayed").asString()).isEqualTo("true");
    JsonNode page = Json.mapper().readTree(listed.get("body").asString());
    assertThat(page.path("items")).hasSize(1);
    assertThat(page.path("items").get(0).path("workoutId").asString())
        .isEqualTo(workout.path("workoutId").asString());
    Message published = receiveOne();
    assertThat(published.messageAttributes().get("ce-type").stringValue())
        .isEqualTo("app.stride.workout.v1.recorded");
    assertThat(published.messageAttributes().get("ce-subject").stringValue()).isEqualTo(user);
    assertThat(receiveNone()).isTrue();
  }

  @Test
  void record_answersTheDisplayBlockInTheUnitsOfTheUsersProfile() throws IOException {
    String user = "u-" + UUID.randomUUID();
    putImperialProfile(user);
    String start =
        Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

    JsonNode recorded = invoke(http, post(user, UUID.randomUUID().toString(), start));

    JsonNode display = Json.mapper().readTree(recorded.get("body").asString()).path("display");
    assertThat(display.path("units").asString()).isEqualTo("imperial");
    assertThat(display.path("distance").path("unit").asString()).isEqualTo("mi");
    assertThat(display.path("distance").path("value").asDouble()).isEqualTo(6.21);
    receiveOne();
  }

  @Test
  void record_ofAUserHomedElsewhere_is421() throws IOException {
    String start =
        Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    byte[] event =
        new String(read("apigw-v2-post-workout.json"), StandardCharsets.UTF_8)
            .replace("${TOKEN}", TOKENS.accessToken("u-us", "us"))
            .replace("${KEY}", UUID.randomUUID().toString())
            .replace("${START}", start)
            .getBytes(StandardCharsets.UTF_8);

    assertThat(invoke(http, event).get("statusCode").asInt()).isEqualTo(421);
  }

  /**
   * The relay Lambda starts with only the variables infra gives it (pinned by infra's {@code
   * CapabilitiesAwsTest}; the cursor key's value stands for its ARN, the local endpoints and switch
   * for the cloud's). Before 2026-11-28 infra gave it no cursor key, which the store is built with:
   * every tick failed.
   */
  @Test
  void outboxRelaySchedule_startsWithOnlyItsVariables_andPublishesEventsLeftPending()
      throws Exception {
    DynamoWorkoutStore store = localStore();
    Workout workout = WorkoutTestData.aWorkout().withId(WorkoutTestData.aWorkoutId()).build();
    var event = WorkoutTestData.anEvent(workout.userId().value());
    store.create(workout, event, RegionId.of("eu"));
    drainQueue();

    OnlyProperties.during(
        PROPERTIES,
        RELAY_VARIABLES,
        () -> invoke(invoker("workoutsOutboxRelaySchedule"), read("scheduler-outbox-relay.json")));

    Message relayed = receiveOne();
    assertThat(relayed.messageAttributes().get("ce-id").stringValue()).isEqualTo(event.id());
    assertThat(store.pending(10, RegionId.of("eu")))
        .noneMatch(p -> p.event().id().equals(event.id()));
  }

  /**
   * The data eraser Lambda starts with only what infra gives it and erases the deleted user's
   * workouts and retry claims, nobody else's; an unreadable message of the batch is handed back.
   */
  @Test
  void userEraserQueue_startsWithOnlyItsVariables_andErasesTheDeletedUsersWorkouts()
      throws Exception {
    String ana = "u-" + UUID.randomUUID();
    String ben = "u-" + UUID.randomUUID();
    String start =
        Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    assertThat(
            invoke(http, post(ana, UUID.randomUUID().toString(), start)).get("statusCode").asInt())
        .isEqualTo(201);
    assertThat(
            invoke(http, post(ben, UUID.randomUUID().toString(), start)).get("statusCode").asInt())
        .isEqualTo(201);
    drainQueue();
    String deleted =
        new EventCodec()
            .encode(UserDeleted.event(UUID.randomUUID().toString(), "eu", ana, Instant.now()));

    JsonNode batch =
        OnlyProperties.during(
            PROPERTIES,
            ERASER_VARIABLES,
            () ->
                invoke(
                    invoker("workoutsUserEraserQueue"),
                    sqsEvent(Map.of("m-deleted", deleted, "m-unreadable", "{\"not\":1}"))));

    List<String> failed = new ArrayList<>();
    batch.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asString()));
    assertThat(failed).as(batch.toString()).containsExactly("m-unreadable");
    assertThat(items(ana)).isEmpty();
    assertThat(items(ben)).hasSize(1);
    assertThat(receiveNone()).as("the eraser publishes nothing").isTrue();
  }

  /** The workout items listed for {@code user} through the HTTP function. */
  private static JsonNode items(String user) throws IOException {
    JsonNode listed = invoke(http, event("apigw-v2-list-workouts.json", user, "eu"));
    assertThat(listed.get("statusCode").asInt()).isEqualTo(200);
    return Json.mapper().readTree(listed.get("body").asString()).path("items");
  }

  /** An SQS event of one record per message id and body, in id order. */
  private static byte[] sqsEvent(Map<String, String> bodies) {
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
    return Json.toBytes(event);
  }

  private static DynamoDbClient dynamo() {
    return DynamoDbClients.client(
        new DynamoDbSettings(Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
  }

  /** The profiles table as profiles' infra declares it: {@code pk} and {@code sk}, both S. */
  private static void createProfilesTable() {
    dynamo()
        .createTable(
            r ->
                r.tableName(profilesTable)
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                    .keySchema(
                        k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE)));
    LocalTables.awaitActive(dynamo(), profilesTable);
  }

  private static void putImperialProfile(String user) {
    dynamo()
        .putItem(
            r ->
                r.tableName(profilesTable)
                    .item(
                        Map.of(
                            "pk", AttributeValue.fromS("USER#" + user),
                            "sk", AttributeValue.fromS("PROFILE"),
                            "preferences",
                                AttributeValue.fromM(
                                    Map.of("units", AttributeValue.fromS("IMPERIAL"))))));
  }

  private static byte[] post(String user, String key, String start) {
    return new String(event("apigw-v2-post-workout.json", user, "eu"), StandardCharsets.UTF_8)
        .replace("${KEY}", key)
        .replace("${START}", start)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static FunctionInvoker invoker(String definition) {
    System.setProperty("spring.cloud.function.definition", definition);
    return new FunctionInvoker();
  }

  private static DynamoWorkoutStore localStore() {
    return new DynamoWorkoutStore(
        DynamoDbClients.enhanced(
            DynamoDbClients.client(
                new DynamoDbSettings(
                    Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())))),
        table,
        new CursorCodec(CURSOR_KEY),
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
        new ByteArrayInputStream(event), out, new LocalLambdaContext("workouts", 30_000));
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

  private static boolean receiveNone() {
    return sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1)).messages().isEmpty();
  }

  private static void drainQueue() {
    sqs.purgeQueue(r -> r.queueUrl(queueUrl));
  }

  private static byte[] read(String fixture) {
    try (InputStream in =
        WorkoutsAwsLambdaIT.class.getClassLoader().getResourceAsStream("events/" + fixture)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + fixture);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
