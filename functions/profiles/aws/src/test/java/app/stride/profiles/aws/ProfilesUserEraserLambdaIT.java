package app.stride.profiles.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.aws.lambda.LocalLambdaContext;
import app.stride.aws.sqs.SqsClients;
import app.stride.aws.sqs.SqsSettings;
import app.stride.core.json.Json;
import app.stride.core.region.RegionId;
import app.stride.profiles.ProfileTestData;
import app.stride.profiles.UserDeletedFixtures;
import app.stride.profiles.aws.adapter.out.dynamodb.DynamoProfileStore;
import app.stride.profiles.aws.adapter.out.dynamodb.ProfileItem;
import app.stride.profiles.domain.UserId;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.ElasticMqExtension;
import app.stride.testkit.junit.UniqueNames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data eraser end to end through the real Lambda handler: {@code FunctionInvoker} runs {@code
 * profilesUserEraserQueue} from {@code ProfilesAwsApplication} against dynalite, fed with SQS
 * events built from messages really sent to and received from ElasticMQ, the way Lambda's event
 * source mapping builds them. The test plays the event source mapping (delete what succeeded, let
 * the rest reappear) so the poison message's path to the dead-letter queue is shown, not assumed.
 */
class ProfilesUserEraserLambdaIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();
  @RegisterExtension static final ElasticMqExtension SQS = new ElasticMqExtension();

  private static final RegionId EU = RegionId.of("eu");
  private static final int MAX_RECEIVE_COUNT = 2;
  private static final Map<String, String> SETTINGS = new java.util.LinkedHashMap<>();

  private static SqsClient sqs;
  private static DynamoDbClient dynamo;
  private static DynamoProfileStore store;
  private static String table;
  private static String eventsQueue;
  private static FunctionInvoker eraser;

  @BeforeAll
  static void startFunction() {
    sqs =
        SqsClients.client(
            new SqsSettings(Region.of(SQS.region()), "unused", Optional.of(SQS.endpoint())));
    eventsQueue = sqs.createQueue(r -> r.queueName(UniqueNames.uniqueName("events-eu"))).queueUrl();
    table = UniqueNames.uniqueName("stride-profiles-eu");
    dynamo =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    store = new DynamoProfileStore(DynamoDbClients.enhanced(dynamo), table, EU, Clock.systemUTC());
    LocalTables.createIfMissing(store.table(), dynamo);

    SETTINGS.put("MAIN_CLASS", ProfilesAwsApplication.class.getName());
    SETTINGS.put("spring.cloud.function.definition", "profilesUserEraserQueue");
    SETTINGS.put("STRIDE_REGION", "eu");
    SETTINGS.put("STRIDE_PROFILES_TABLE", table);
    SETTINGS.put("STRIDE_DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString());
    SETTINGS.put("STRIDE_EVENTS_QUEUE_URL", eventsQueue);
    SETTINGS.put("STRIDE_SQS_ENDPOINT", SQS.endpoint().toString());
    SETTINGS.forEach(System::setProperty);
    eraser = new FunctionInvoker();
  }

  @AfterAll
  static void clearSettings() {
    SETTINGS.keySet().forEach(System::clearProperty);
  }

  @Test
  void sqsBatch_erasesTheStoredProfile_andNamesOnlyThePoisonInBatchItemFailures()
      throws IOException {
    String ana = "u-" + UUID.randomUUID();
    storeProfile(ana);
    String queue = erasureQueue();
    send(queue, UserDeletedFixtures.VALID, ana, "eu");
    String poisonId =
        send(queue, UserDeletedFixtures.PERSONAL_DATA, "u-" + UUID.randomUUID(), "eu");
    send(queue, UserDeletedFixtures.VALID, "u-" + UUID.randomUUID(), "us");
    List<Message> batch = receive(queue, 3);

    JsonNode response = invoke(sqsEvent(batch));

    assertThat(response.get("batchItemFailures")).hasSize(1);
    assertThat(response.get("batchItemFailures").get(0).get("itemIdentifier").asString())
        .isEqualTo(poisonId);
    assertThat(store.load(new UserId(ana), EU)).isEmpty();
    assertThat(rawItem(ana)).as("no marker left once the deleted event is out").isEmpty();
    Message deleted = receive(eventsQueue, 1).get(0);
    assertThat(deleted.messageAttributes().get("ce-type").stringValue())
        .isEqualTo("app.stride.profile.v1.updated");
    assertThat(deleted.messageAttributes().get("ce-subject").stringValue()).isEqualTo(ana);
    assertThat(Json.mapper().readTree(deleted.body()).path("data").path("change").asString())
        .isEqualTo("deleted");
  }

  @Test
  void erasure_runsInTheDeletionsTrace_andItsEventCarriesIt() throws IOException {
    String ana = "u-" + UUID.randomUUID();
    storeProfile(ana);
    drain(eventsQueue);
    String queue = erasureQueue();
    String traceId = "5d0c6a8f2b7e4c19a3f1e2d4c6b8a0f1";
    String body =
        UserDeletedFixtures.body(
            UserDeletedFixtures.VALID, UUID.randomUUID().toString(), ana, "eu");
    sqs.sendMessage(
        r ->
            r.queueUrl(queue)
                .messageBody(body)
                .messageAttributes(
                    Map.of(
                        "ce-traceparent",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue("00-" + traceId + "-1a2b3c4d5e6f7081-01")
                            .build())));

    JsonNode response = invoke(sqsEvent(receive(queue, 1)));

    assertThat(response.get("batchItemFailures")).isEmpty();
    Message deleted = receive(eventsQueue, 1).get(0);
    String traceparent = deleted.messageAttributes().get("ce-traceparent").stringValue();
    assertThat(traceparent.split("-")[1]).isEqualTo(traceId);
    assertThat(traceparent.split("-")[2]).isNotEqualTo("1a2b3c4d5e6f7081");
    assertThat(Json.mapper().readTree(deleted.body()).path("traceparent").asString())
        .isEqualTo(traceparent);
  }

  @Test
  void poisonMessage_isReportedOnEveryDelivery_untilTheQueueDeadLettersIt() throws IOException {
    String deadLetters = UniqueNames.uniqueName("profiles-user-eraser-eu-dlq");
    sqs.createQueue(r -> r.queueName(deadLetters));
    String queue = erasureQueue(SQS.queueArn(deadLetters));
    String poisonId = send(queue, "user-deleted/invalid/not-json.txt", "u-1", "eu");

    List<String> reported = new ArrayList<>();
    for (int delivery = 1; delivery <= MAX_RECEIVE_COUNT; delivery++) {
      List<Message> batch = receive(queue, 1);
      JsonNode response = invoke(sqsEvent(batch));
      response
          .get("batchItemFailures")
          .forEach(f -> reported.add(f.get("itemIdentifier").asString()));
      // Like the event source mapping: delete what succeeded, leave the failures to reappear.
      batch.stream()
          .filter(m -> !reported.contains(m.messageId()))
          .forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle())));
    }

    assertThat(reported).containsExactly(poisonId, poisonId);
    String dlqUrl = sqs.getQueueUrl(r -> r.queueName(deadLetters)).queueUrl();
    triggerRedrive(queue);
    assertThat(receive(dlqUrl, 1)).extracting(Message::messageId).containsExactly(poisonId);
  }

  private static void storeProfile(String userId) {
    String eventId = UUID.randomUUID().toString();
    store.create(
        ProfileTestData.aProfile().of(userId).build(),
        ProfileTestData.anEvent(eventId, userId),
        EU);
    store.markPublished(new UserId(userId), eventId, EU);
  }

  private static Map<String, AttributeValue> rawItem(String userId) {
    return dynamo
        .getItem(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "pk", AttributeValue.fromS("USER#" + userId),
                            "sk", AttributeValue.fromS(ProfileItem.PROFILE_SK))))
        .item();
  }

  private static String erasureQueue() {
    return sqs.createQueue(r -> r.queueName(UniqueNames.uniqueName("profiles-user-eraser-eu")))
        .queueUrl();
  }

  /** A queue that moves a message to {@code deadLetterArn} after {@value #MAX_RECEIVE_COUNT}. */
  private static String erasureQueue(String deadLetterArn) {
    String policy =
        "{\"deadLetterTargetArn\":\""
            + deadLetterArn
            + "\",\"maxReceiveCount\":\""
            + MAX_RECEIVE_COUNT
            + "\"}";
    return sqs.createQueue(
            r ->
                r.queueName(UniqueNames.uniqueName("profiles-user-eraser-eu"))
                    .attributes(
                        Map.of(
                            QueueAttributeName.REDRIVE_POLICY,
                            policy,
                            QueueAttributeName.VISIBILITY_TIMEOUT,
                            "1")))
        .queueUrl();
  }

  private static void drain(String queue) {
    List<Message> left;
    do {
      left =
          sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0))
              .messages();
      left.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle())));
    } while (!left.isEmpty());
  }

  /** ElasticMQ moves a message past its receive count on the next receive attempt. */
  private static void triggerRedrive(String queue) {
    List<Message> stillThere =
        sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(2))
            .messages();
    assertThat(stillThere).as("the poison is no longer delivered").isEmpty();
  }

  private static String send(String queue, String fixture, String userId, String homeRegion) {
    String body =
        UserDeletedFixtures.body(fixture, UUID.randomUUID().toString(), userId, homeRegion);
    return sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body)).messageId();
  }

  private static List<Message> receive(String queue, int expected) {
    List<Message> received = new ArrayList<>();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (received.size() < expected && System.nanoTime() < deadline) {
      received.addAll(
          sqs.receiveMessage(
                  r ->
                      r.queueUrl(queue)
                          .maxNumberOfMessages(expected - received.size())
                          .messageAttributeNames("All")
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                          .waitTimeSeconds(2))
              .messages());
    }
    assertThat(received).hasSize(expected);
    return received;
  }

  /** The SQS event Lambda's event source mapping would hand the function for {@code batch}. */
  private static byte[] sqsEvent(List<Message> batch) {
    ArrayNode records = Json.mapper().createArrayNode();
    for (Message message : batch) {
      ObjectNode record = (ObjectNode) Json.mapper().readTree(fixture("sqs-record.json"));
      record.put("messageId", message.messageId());
      record.put("receiptHandle", message.receiptHandle());
      record.put("body", message.body());
      record.put("md5OfBody", message.md5OfBody());
      ObjectNode attributes = Json.mapper().createObjectNode();
      message
          .messageAttributes()
          .forEach(
              (name, value) ->
                  attributes
                      .putObject(name)
                      .put("stringValue", value.stringValue())
                      .put("dataType", value.dataType()));
      record.set("messageAttributes", attributes);
      ((ObjectNode) record.get("attributes"))
          .put(
              "ApproximateReceiveCount",
              message
                  .attributes()
                  .getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
      records.add(record);
    }
    ObjectNode event = Json.mapper().createObjectNode();
    event.set("Records", records);
    return Json.mapper().writeValueAsBytes(event);
  }

  private static JsonNode invoke(byte[] event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    eraser.handleRequest(
        new ByteArrayInputStream(event), out, new LocalLambdaContext("profiles-eraser", 30_000));
    return Json.mapper().readTree(out.toByteArray());
  }

  private static byte[] fixture(String name) {
    try (InputStream in = ProfilesUserEraserLambdaIT.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
