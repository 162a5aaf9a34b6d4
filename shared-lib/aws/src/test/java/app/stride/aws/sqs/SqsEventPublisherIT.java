package app.stride.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.event.OutboundEvent;
import app.stride.core.store.StoreUnavailableException;
import app.stride.testkit.junit.ElasticMqExtension;
import app.stride.testkit.junit.UniqueNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class SqsEventPublisherIT {
  @RegisterExtension static final ElasticMqExtension SQS = new ElasticMqExtension();

  private static SqsClient sqs;

  @BeforeAll
  static void connect() {
    sqs =
        SqsClients.client(
            new SqsSettings(Region.of(SQS.region()), "unused", Optional.of(SQS.endpoint())));
  }

  @Test
  void publish_sendsTheCloudEventJsonWithIdAndTypeAttributes() {
    String queueUrl =
        sqs.createQueue(r -> r.queueName(UniqueNames.uniqueName("events"))).queueUrl();
    String json =
        "{\"specversion\":\"1.0\",\"id\":\"evt-42\",\"type\":\"app.stride.profile.v1.updated\","
            + "\"source\":\"/eu/profiles\",\"subject\":\"u-1\",\"data\":{\"version\":3}}";

    new SqsEventPublisher(sqs, queueUrl)
        .publish(
            new OutboundEvent(
                "evt-42",
                "app.stride.profile.v1.updated",
                "u-1",
                json.getBytes(StandardCharsets.UTF_8)));

    List<Message> received =
        sqs.receiveMessage(
                r -> r.queueUrl(queueUrl).messageAttributeNames("All").waitTimeSeconds(2))
            .messages();
    assertThat(received).hasSize(1);
    Message message = received.get(0);
    assertThat(message.body()).isEqualTo(json);
    assertThat(message.messageAttributes().get("ce-id").stringValue()).isEqualTo("evt-42");
    assertThat(message.messageAttributes().get("ce-type").stringValue())
        .isEqualTo("app.stride.profile.v1.updated");
    assertThat(message.messageAttributes().get("ce-subject").stringValue()).isEqualTo("u-1");
  }

  @Test
  void publish_toAMissingQueueIsUnavailable() {
    SqsEventPublisher publisher =
        new SqsEventPublisher(sqs, SQS.queueUrl(UniqueNames.uniqueName("never-created")));

    assertThatThrownBy(
            () ->
                publisher.publish(
                    new OutboundEvent("e", "t", "s", "{}".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void publish_toAnUnreachableServerIsUnavailable() {
    SqsClient dead =
        SqsClients.client(
            new SqsSettings(
                Region.of(SQS.region()), "unused", Optional.of(URI.create("http://127.0.0.1:9"))));
    SqsEventPublisher publisher = new SqsEventPublisher(dead, "http://127.0.0.1:9/000000000000/q");

    assertThatThrownBy(
            () ->
                publisher.publish(
                    new OutboundEvent("e", "t", "s", "{}".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(StoreUnavailableException.class);
  }
}
