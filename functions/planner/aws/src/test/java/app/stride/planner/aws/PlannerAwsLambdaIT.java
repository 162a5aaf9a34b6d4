package app.stride.planner.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.lambda.LocalLambdaContext;
import app.stride.aws.lambda.StrideFunctionInvoker;
import app.stride.core.json.Json;
import app.stride.core.region.RegionId;
import app.stride.events.EventCodec;
import app.stride.events.user.v1.UserDeleted;
import app.stride.planner.aws.adapter.out.dynamodb.DynamoCalendarFeedStore;
import app.stride.planner.aws.adapter.out.dynamodb.DynamoMyPlanStore;
import app.stride.planner.aws.adapter.out.dynamodb.WorkoutsTable;
import app.stride.planner.domain.CalendarFeed;
import app.stride.planner.domain.UserId;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.OnlyProperties;
import app.stride.testkit.junit.UniqueNames;
import app.stride.testkit.tokens.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The planner deployable end to end through the real Lambda handler: {@code FunctionInvoker} starts
 * {@code PlannerAwsApplication} (MAIN_CLASS) and serves API Gateway v2 events against dynalite (the
 * planner table created by the function, the workouts table as the workouts capability lays it
 * out). System properties stand in for the variables infra sets; the data eraser starts with only
 * those infra gives it ({@code CapabilityRuntime.startEnvironment}: region and planner table).
 */
class PlannerAwsLambdaIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final TestTokens TOKENS = new TestTokens();
  private static final String RUN = "w_01j9zq3v8t6x4n2kbc5d7e9f0g";
  private static final RegionId EU = RegionId.of("eu");

  /** What infra gives the eraser, and the local endpoint standing in for the cloud's. */
  private static final Set<String> ERASER_VARIABLES =
      Set.of(
          "MAIN_CLASS",
          "spring.cloud.function.definition",
          "STRIDE_REGION",
          "STRIDE_PLANNER_TABLE",
          "STRIDE_DYNAMODB_ENDPOINT");

  private static final List<String> PROPERTIES =
      List.of(
          "MAIN_CLASS",
          "spring.cloud.function.definition",
          "STRIDE_REGION",
          "STRIDE_PLANNER_TABLE",
          "STRIDE_WORKOUTS_TABLE",
          "STRIDE_DYNAMODB_ENDPOINT",
          "STRIDE_LOCAL_MODE",
          "STRIDE_CREATE_TABLES",
          "STRIDE_LOCAL_JWKS",
          "STRIDE_JWT_ISSUER",
          "STRIDE_JWT_AUDIENCE");

  private static DynamoDbClient dynamo;
  private static String workoutsTable;
  private static String plannerTable;
  private static FunctionInvoker http;

  @BeforeAll
  static void startFunction() {
    dynamo =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    workoutsTable = UniqueNames.uniqueName("stride-workouts-eu");
    WorkoutsTable.create(dynamo, workoutsTable);
    System.setProperty("MAIN_CLASS", PlannerAwsApplication.class.getName());
    System.setProperty("STRIDE_REGION", "eu");
    plannerTable = UniqueNames.uniqueName("stride-planner-eu");
    System.setProperty("STRIDE_PLANNER_TABLE", plannerTable);
    System.setProperty("STRIDE_WORKOUTS_TABLE", workoutsTable);
    System.setProperty("STRIDE_DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString());
    System.setProperty("STRIDE_LOCAL_MODE", "true");
    System.setProperty("STRIDE_CREATE_TABLES", "true");
    System.setProperty("STRIDE_LOCAL_JWKS", TOKENS.publicJwks());
    System.setProperty("STRIDE_JWT_ISSUER", TestTokens.ISSUER);
    System.setProperty("STRIDE_JWT_AUDIENCE", TestTokens.AUDIENCE);
    System.setProperty("spring.cloud.function.definition", "plannerHttp");
    http = new FunctionInvoker();
  }

  @AfterAll
  static void clearProperties() {
    PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  void startPlan_thenSchedule_thenCompleteFromARecordedRun() throws IOException {
    String user = "u-" + UUID.randomUUID();
    LocalDate start = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1);

    JsonNode started =
        invoke(
            "apigw-v2-start-plan.json",
            Map.of(
                "TOKEN",
                TOKENS.accessToken(user, "eu"),
                "PLAN_ID",
                "running-5k-beginner",
                "START",
                start.toString(),
                "DAYS",
                "3"));

    assertThat(started.get("statusCode").asInt()).as(started.toString()).isEqualTo(201);
    // the event asks for "de-DE, en;q=0.5": German has a bundle
    assertThat(started.at("/headers/Content-Language").asString()).isEqualTo("de");
    JsonNode plan = Json.mapper().readTree(started.get("body").asString());
    String myPlanId = plan.get("id").asString();
    assertThat(started.at("/headers/Location").asString()).isEqualTo("/v1/me/plans/" + myPlanId);

    JsonNode schedule =
        invoke(
            "apigw-v2-get-schedule.json",
            Map.of(
                "TOKEN", TOKENS.accessToken(user, "eu"),
                "FROM", start.toString(),
                "TO", start.plusDays(6).toString()));

    assertThat(schedule.get("statusCode").asInt()).as(schedule.toString()).isEqualTo(200);
    JsonNode sessions = Json.mapper().readTree(schedule.get("body").asString()).get("sessions");
    assertThat(sessions.size()).isEqualTo(3);
    String first = sessions.get(0).get("sessionId").asString();

    WorkoutsTable.put(dynamo, workoutsTable, user, RUN, "running");
    JsonNode done =
        invoke(
            "apigw-v2-complete-session.json",
            Map.of(
                "TOKEN", TOKENS.accessToken(user, "eu"),
                "MY_PLAN_ID", myPlanId,
                "SESSION_ID", first,
                "WORKOUT_ID", RUN));

    assertThat(done.get("statusCode").asInt()).as(done.toString()).isEqualTo(200);
    JsonNode session = Json.mapper().readTree(done.get("body").asString());
    assertThat(session.get("status").asString()).isEqualTo("done");
    assertThat(session.get("workoutId").asString()).isEqualTo(RUN);
  }

  @Test
  void userEraser_startedWithOnlyItsVariables_erasesTheDeletedUsersPlansAndFeed() throws Exception {
    String ana = "u-" + UUID.randomUUID();
    String ben = "u-" + UUID.randomUUID();
    startPlan(ana);
    startPlan(ben);
    DynamoEnhanced stores = new DynamoEnhanced(DynamoDbClients.enhanced(dynamo));
    String hash = "h-" + UUID.randomUUID();
    stores.feeds().addLookup(hash, new UserId(ana), Instant.now(), EU);
    stores.feeds().save(new CalendarFeed(new UserId(ana), hash, "en", Instant.now(), 1), 0, EU);
    String deleted =
        new EventCodec()
            .encode(UserDeleted.event(UUID.randomUUID().toString(), "eu", ana, Instant.now()));

    JsonNode batch =
        eraseAlone(Map.of("m-deleted", deleted, "m-unreadable", "{\"not\":\"an event\"}"));

    List<String> failed = new ArrayList<>();
    batch.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asString()));
    assertThat(failed).as(batch.toString()).containsExactly("m-unreadable");
    assertThat(stores.plans().list(new UserId(ana), EU)).isEmpty();
    assertThat(stores.feeds().load(new UserId(ana), EU)).isEmpty();
    assertThat(stores.feeds().ownerOf(hash, EU)).isEmpty();
    assertThat(stores.plans().list(new UserId(ben), EU)).hasSize(1);
  }

  @Test
  void completeSession_withAnotherUsersWorkout_is400() throws IOException {
    String user = "u-" + UUID.randomUUID();
    LocalDate start = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1);
    JsonNode started =
        invoke(
            "apigw-v2-start-plan.json",
            Map.of(
                "TOKEN",
                TOKENS.accessToken(user, "eu"),
                "PLAN_ID",
                "yoga-daily-20",
                "START",
                start.toString(),
                "DAYS",
                "5"));
    String myPlanId = Json.mapper().readTree(started.get("body").asString()).get("id").asString();
    WorkoutsTable.put(dynamo, workoutsTable, "someone-else", RUN, "yoga");

    JsonNode done =
        invoke(
            "apigw-v2-complete-session.json",
            Map.of(
                "TOKEN",
                TOKENS.accessToken(user, "eu"),
                "MY_PLAN_ID",
                myPlanId,
                "SESSION_ID",
                "w01-s1",
                "WORKOUT_ID",
                RUN));

    assertThat(done.get("statusCode").asInt()).as(done.toString()).isEqualTo(400);
    assertThat(done.get("body").asString()).contains("/workoutId");
  }

  /** Starts a plan for {@code user} through the HTTP function; its id. */
  private static String startPlan(String user) throws IOException {
    JsonNode started =
        invoke(
            "apigw-v2-start-plan.json",
            Map.of(
                "TOKEN",
                TOKENS.accessToken(user, "eu"),
                "PLAN_ID",
                "running-5k-beginner",
                "START",
                LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1).toString(),
                "DAYS",
                "3"));
    assertThat(started.get("statusCode").asInt()).as(started.toString()).isEqualTo(201);
    return Json.mapper().readTree(started.get("body").asString()).get("id").asString();
  }

  /** The planner table's stores, as the eraser sees them. */
  private record DynamoEnhanced(DynamoDbEnhancedClient client) {
    DynamoMyPlanStore plans() {
      return new DynamoMyPlanStore(client, plannerTable, EU);
    }

    DynamoCalendarFeedStore feeds() {
      return new DynamoCalendarFeedStore(client, plannerTable, EU);
    }
  }

  /**
   * Starts {@code plannerUserEraserQueue} on its own, with only {@link #ERASER_VARIABLES}, and
   * hands it an SQS event of one record per message id and body; its answer.
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
    OnlyProperties.during(
        PROPERTIES,
        ERASER_VARIABLES,
        () -> {
          System.setProperty("spring.cloud.function.definition", "plannerUserEraserQueue");
          try {
            new StrideFunctionInvoker()
                .handleRequest(
                    new ByteArrayInputStream(Json.toBytes(event)),
                    out,
                    new LocalLambdaContext("stride-planner-eraser-eu", 60_000));
          } finally {
            System.setProperty("spring.cloud.function.definition", "plannerHttp");
          }
          return null;
        });
    return Json.mapper().readTree(out.toByteArray());
  }

  private static JsonNode invoke(String fixture, Map<String, String> values) throws IOException {
    String event = new String(read(fixture), StandardCharsets.UTF_8);
    for (Map.Entry<String, String> value : values.entrySet()) {
      event = event.replace("${" + value.getKey() + "}", value.getValue());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    http.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
        out,
        new LocalLambdaContext("planner", 30_000));
    return Json.mapper().readTree(out.toByteArray());
  }

  private static byte[] read(String fixture) {
    try (InputStream in = PlannerAwsLambdaIT.class.getResourceAsStream("/events/" + fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + fixture);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
