package app.stride.devices.aws.adapter.out.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.store.StoreUnavailableException;
import app.stride.testkit.junit.ElasticMqExtension;
import app.stride.testkit.junit.UniqueNames;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** {@link SqsWorkQueue} against a real embedded ElasticMQ (SQS API). */
class SqsWorkQueueIT {
  @RegisterExtension static final ElasticMqExtension SQS = new ElasticMqExtension();

  private SqsClient client;

  @BeforeEach
  void connect() {
    client = SqsWorkQueue.client(settings("unused", SQS.endpoint()));
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void send_deliversTheBody_withTheKindAndDeduplicationKeyAttributes() {
    String url =
        client.createQueue(r -> r.queueName(UniqueNames.uniqueName("devices-work"))).queueUrl();
    SqsWorkQueue queue = new SqsWorkQueue(client, url);

    queue.send("webhook.polar", "polar:exercise:123", "{\"n\":1}".getBytes(StandardCharsets.UTF_8));

    Message message = receiveOne(url);
    assertThat(message.body()).isEqualTo("{\"n\":1}");
    assertThat(message.messageAttributes().get("kind").stringValue()).isEqualTo("webhook.polar");
    assertThat(message.messageAttributes().get("deduplication-key").stringValue())
        .isEqualTo("polar:exercise:123");
  }

  @Test
  void onAFifoQueue_aRepeatOfTheSameWork_isDeliveredOnce() {
    String url =
        client
            .createQueue(
                r ->
                    r.queueName(UniqueNames.uniqueName("devices-work") + ".fifo")
                        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
            .queueUrl();
    SqsWorkQueue queue = new SqsWorkQueue(client, url);
    byte[] body = "{\"file\":\"i_1\"}".getBytes(StandardCharsets.UTF_8);

    queue.send("import.file", "i_1", body);
    queue.send("import.file", "i_1", body);
    queue.send("import.file", "i_2", body);

    List<Message> received =
        client
            .receiveMessage(
                r ->
                    r.queueUrl(url)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(1)
                        .messageAttributeNames("All"))
            .messages();
    assertThat(received)
        .extracting(m -> m.messageAttributes().get("deduplication-key").stringValue())
        .containsExactlyInAnyOrder("i_1", "i_2");
  }

  @Test
  void send_refusesBadInput_beforeSendingAnything() {
    String url =
        client.createQueue(r -> r.queueName(UniqueNames.uniqueName("devices-work"))).queueUrl();
    SqsWorkQueue queue = new SqsWorkQueue(client, url);
    byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> queue.send("Webhook Polar", "k", ok))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue.send("webhook.polar", "with space", ok))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> queue.send("webhook.polar", "k", new byte[SqsWorkQueue.MAX_BODY_BYTES + 1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> queue.send("webhook.polar", "k", new byte[] {(byte) 0xC3, (byte) 0x28}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            client
                .receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
                .messages())
        .isEmpty();
  }

  @Test
  void anUnreachableQueue_isStoreUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
    try (SqsClient down = SqsWorkQueue.client(settings("unused", nowhere))) {
      SqsWorkQueue queue = new SqsWorkQueue(down, nowhere + "/000000000000/devices-work");

      assertThatThrownBy(
              () -> queue.send("import.file", "i_3", "{}".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(StoreUnavailableException.class);
    }
  }

  private Message receiveOne(String url) {
    List<Message> messages =
        client
            .receiveMessage(
                r ->
                    r.queueUrl(url)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(2)
                        .messageAttributeNames("All"))
            .messages();
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  private static WorkQueueSettings settings(String queueUrl, URI endpoint) {
    return new WorkQueueSettings(Region.of(SQS_REGION), queueUrl, Optional.of(endpoint));
  }

  private static final String SQS_REGION = "eu-central-1";
}
