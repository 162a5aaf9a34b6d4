package app.stride.local.worker;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.testkit.junit.ElasticMqExtension;
import app.stride.testkit.junit.UniqueNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The fan-out of an events queue against ElasticMQ: two subscriber queues taking account deletions,
 * one taking profile updates, and messages of every kind on the events queue.
 */
class SqsFanOutIT {
  @RegisterExtension static final ElasticMqExtension SQS = new ElasticMqExtension();

  private static final String DELETED = "app.stride.user.v1.deleted";
  private static final String UPDATED = "app.stride.profile.v1.updated";

  private SqsClient sqs;
  private String events;
  private String profilesEraser;
  private String devicesEraser;
  private String profileReader;
  private SqsFanOut fanOut;

  @BeforeEach
  void start() {
    sqs = LocalSqs.client(SQS.server());
    events = queue("events");
    profilesEraser = queue("profiles-eraser");
    devicesEraser = queue("devices-eraser");
    profileReader = queue("reader");
    fanOut =
        SqsFanOut.start(
            "test-fan-out",
            SQS.server(),
            events,
            List.of(
                new SqsFanOut.Route(DELETED, profilesEraser),
                new SqsFanOut.Route(DELETED, devicesEraser),
                new SqsFanOut.Route(UPDATED, profileReader)));
  }

  @AfterEach
  void stop() {
    fanOut.close();
    sqs.close();
  }

  @Test
  void eachEvent_reachesEveryQueueFilteredOnItsType_asTheBodyAlone_andLeavesTheEventsQueue()
      throws Exception {
    String deleted = event(DELETED, "usr_1");
    String updated = event(UPDATED, "usr_2");
    sqs.sendMessage(
        b ->
            b.queueUrl(events)
                .messageBody(deleted)
                .messageAttributes(
                    Map.of(
                        "ce-type",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(DELETED)
                            .build())));
    sqs.sendMessage(b -> b.queueUrl(events).messageBody(updated));

    List<Message> profiles = receive(profilesEraser, 1);
    List<Message> devices = receive(devicesEraser, 1);
    List<Message> reader = receive(profileReader, 1);

    assertThat(profiles).extracting(Message::body).containsExactly(deleted);
    assertThat(devices).extracting(Message::body).containsExactly(deleted);
    assertThat(reader).extracting(Message::body).containsExactly(updated);
    // The pipe carries the body only, as here: no attribute reaches a subscriber.
    assertThat(profiles.get(0).messageAttributes()).isEmpty();
    assertThat(receive(events, 0)).as("the events queue is drained").isEmpty();
  }

  @Test
  void anEventNoRouteTakes_andABodyThatIsNoEvent_areDropped_andTheNextStillArrives()
      throws Exception {
    sqs.sendMessage(
        b -> b.queueUrl(events).messageBody(event("app.stride.workout.v1.logged", "u")));
    sqs.sendMessage(b -> b.queueUrl(events).messageBody("not json {"));
    sqs.sendMessage(b -> b.queueUrl(events).messageBody("{\"type\":7}"));
    String deleted = event(DELETED, "usr_3");
    sqs.sendMessage(b -> b.queueUrl(events).messageBody(deleted));

    assertThat(receive(profilesEraser, 1)).extracting(Message::body).containsExactly(deleted);
    assertThat(receive(profileReader, 0)).isEmpty();
    assertThat(receive(events, 0)).as("the events queue is drained").isEmpty();
  }

  @Test
  void type_isTheBodysStringType_only() {
    assertThat(SqsFanOut.type(event(DELETED, "u"))).contains(DELETED);
    assertThat(SqsFanOut.type("{\"type\":7}")).isEmpty();
    assertThat(SqsFanOut.type("[]")).isEmpty();
    assertThat(SqsFanOut.type("")).isEmpty();
    assertThat(SqsFanOut.type("{\"data\":{\"type\":\"" + DELETED + "\"}}")).isEmpty();
  }

  private String queue(String stem) {
    String name = UniqueNames.uniqueName(stem);
    return sqs.createQueue(b -> b.queueName(name)).queueUrl();
  }

  private static String event(String type, String subject) {
    return "{\"specversion\":\"1.0\",\"id\":\"evt_"
        + subject
        + "\",\"type\":\""
        + type
        + "\",\"subject\":\""
        + subject
        + "\"}";
  }

  /**
   * Waits for {@code expected} messages on {@code queue} (10 s), then takes whatever else arrives
   * within two more seconds, so a duplicate or a stray copy (sent with the first) would show.
   */
  private List<Message> receive(String queue, int expected) throws InterruptedException {
    List<Message> received = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (received.size() < expected && System.nanoTime() < deadline) {
      received.addAll(poll(queue, 1));
    }
    received.addAll(poll(queue, 2));
    return received;
  }

  private List<Message> poll(String queue, int waitSeconds) {
    List<Message> messages =
        sqs.receiveMessage(
                b ->
                    b.queueUrl(queue)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(waitSeconds)
                        .messageAttributeNames("All"))
            .messages();
    messages.forEach(
        m -> sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle())));
    return messages;
  }
}
