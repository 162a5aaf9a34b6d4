package app.stride.auth.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.aws.adapter.out.dynamodb.AuthTableConfig;
import app.stride.auth.aws.adapter.out.dynamodb.DynamoAccountStore;
import app.stride.auth.aws.adapter.out.dynamodb.DynamoKeyRingStore;
import app.stride.auth.testing.PendingDeletions;
import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.aws.lambda.LocalLambdaContext;
import app.stride.aws.lambda.StrideFunctionInvoker;
import app.stride.aws.sqs.SqsClients;
import app.stride.aws.sqs.SqsSettings;
import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.ElasticMqExtension;
import app.stride.testkit.junit.UniqueNames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Auth's two scheduled Lambdas, the signing-key rotation and the account-deletion relay, started as
 * infra starts them: through the real handler ({@code StrideFunctionInvoker}) with only the
 * variables infra gives them ({@code AuthRuntime.environment(false)}, pinned by infra's {@code
 * AuthAwsStackTest}): no JWKS URL, no origin secret, no Redis. Local stand-ins: the endpoints of
 * dynalite and ElasticMQ and the secrets' values instead of their ARNs (a value already set wins
 * over Secrets Manager). No test ran these entry points before.
 */
class AuthSchedulesLambdaIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();
  @RegisterExtension static final ElasticMqExtension SQS = new ElasticMqExtension();

  private static final RegionId EU = RegionId.of("eu");
  private static final Map<String, String> VARIABLES = new LinkedHashMap<>();

  private static DynamoDbClient dynamo;
  private static DynamoDbEnhancedClient enhanced;
  private static AuthTableConfig table;
  private static SqsClient sqs;
  private static String eventsQueue;

  @BeforeAll
  static void start() {
    sqs =
        SqsClients.client(
            new SqsSettings(Region.of(SQS.region()), "unused", Optional.of(SQS.endpoint())));
    eventsQueue = sqs.createQueue(r -> r.queueName(UniqueNames.uniqueName("events-eu"))).queueUrl();
    table = new AuthTableConfig(EU, UniqueNames.uniqueName("stride-auth-eu"));
    // What infra gives both (AuthRuntime.environment(false)).
    VARIABLES.put("MAIN_CLASS", AuthAwsApplication.class.getName());
    VARIABLES.put("STRIDE_REGION", EU.value());
    VARIABLES.put("STRIDE_AUTH_TABLE", table.tableName());
    VARIABLES.put("STRIDE_EVENTS_QUEUE_URL", eventsQueue);
    VARIABLES.put("STRIDE_JWT_ISSUER", "https://auth.stride.test");
    VARIABLES.put("STRIDE_JWT_AUDIENCE", "stride-functions");
    VARIABLES.put("STRIDE_PUBLIC_URL", "https://stride.test");
    VARIABLES.put("STRIDE_MAIL_FROM", "no-reply@stride.test");
    VARIABLES.put("STRIDE_SES_CONFIGURATION_SET", "stride-eu");
    VARIABLES.put("STRIDE_DIRECTORY_URL", "http://127.0.0.1:9/directory");
    // The secrets' values, standing in for their ARNs.
    VARIABLES.put("STRIDE_DIRECTORY_SECRET", base64(32));
    VARIABLES.put("STRIDE_DIRECTORY_API_SECRET", base64(32));
    // Local endpoints and the table switch, which the cloud does not need.
    VARIABLES.put("AWS_REGION", DynaliteExtension.REGION);
    VARIABLES.put("STRIDE_DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString());
    VARIABLES.put("STRIDE_SQS_ENDPOINT", SQS.endpoint().toString());
    dynamo =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    enhanced = DynamoDbClients.enhanced(dynamo);
    // Infra creates the region's table; here the test does.
    LocalTables.createIfMissing(
        new DynamoAccountStore(enhanced, table, Clock.systemUTC()).table(), dynamo);
  }

  @AfterAll
  static void close() {
    dynamo.close();
    sqs.close();
  }

  @Test
  void keyRotation_startsWithOnlyItsVariables_andAddsTheRegionsFirstSigningKey() throws Exception {
    DynamoKeyRingStore keys = new DynamoKeyRingStore(enhanced, table, Clock.systemUTC());

    tick("authKeyRotationSchedule", "auth-key-rotation");

    assertThat(keys.load(EU))
        .as("the ring the rotation saved")
        .hasValueSatisfying(ring -> assertThat(ring.keys()).isNotEmpty());
  }

  @Test
  void deletionRelay_startsWithOnlyItsVariables_andPublishesWhatAFailedPublishLeft()
      throws Exception {
    DynamoAccountStore accounts = new DynamoAccountStore(enhanced, table, Clock.systemUTC());
    // The account was deleted, and the deletion's publish failed: its tombstone holds the event.
    String eventId = PendingDeletions.leaveOne(accounts, EU);
    assertThat(accounts.pendingDeletions(10)).extracting(OutboundEvent::id).contains(eventId);

    tick("authDeletionRelaySchedule", "auth-deletion-relay");

    assertThat(received())
        .extracting(m -> m.messageAttributes().get("ce-id").stringValue())
        .contains(eventId);
    assertThat(accounts.pendingDeletions(10)).extracting(OutboundEvent::id).doesNotContain(eventId);
  }

  /** Starts the Lambda of {@code definition} with only {@link #VARIABLES} and sends it one tick. */
  private static void tick(String definition, String schedule) throws Exception {
    VARIABLES.forEach(System::setProperty);
    System.setProperty("spring.cloud.function.definition", definition);
    try {
      new StrideFunctionInvoker()
          .handleRequest(
              new ByteArrayInputStream(scheduledEvent(schedule)),
              new ByteArrayOutputStream(),
              new LocalLambdaContext("stride-" + schedule + "-eu", 60_000));
    } finally {
      VARIABLES.keySet().forEach(System::clearProperty);
      System.clearProperty("spring.cloud.function.definition");
    }
  }

  /** EventBridge Scheduler's event as infra's schedules send it ({@code LambdaSchedule}). */
  private static byte[] scheduledEvent(String schedule) {
    String json =
        "{\"version\":\"0\",\"id\":\""
            + UUID.randomUUID()
            + "\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.scheduler\","
            + "\"account\":\"000000000000\",\"time\":\""
            + Instant.now()
            + "\",\"region\":\"eu-central-1\",\"resources\":"
            + "[\"arn:aws:scheduler:eu-central-1:000000000000:schedule/stride-eu/"
            + schedule
            + "\"],\"detail\":{}}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private List<Message> received() {
    return sqs.receiveMessage(
            r ->
                r.queueUrl(eventsQueue)
                    .maxNumberOfMessages(10)
                    .waitTimeSeconds(2)
                    .messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
        .messages();
  }

  private static String base64(int bytes) {
    byte[] value = new byte[bytes];
    new java.security.SecureRandom().nextBytes(value);
    return Base64.getEncoder().encodeToString(value);
  }
}
