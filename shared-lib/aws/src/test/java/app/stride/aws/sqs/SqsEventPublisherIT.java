package app.stride.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.aws.lambda.QueueEvents;
import app.stride.core.event.OutboundEvent;
import app.stride.core.json.Json;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.trigger.BatchResult;
import app.stride.edge.function.TracedQueueFunction;
import app.stride.edge.observability.ServiceIdentity;
import app.stride.edge.observability.TraceContext;
import app.stride.edge.observability.TraceScope;
import app.stride.testkit.junit.ElasticMqExtension;
import app.stride.testkit.junit.UniqueNames;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  void publish_carriesTheCurrentTrace_andAConsumerContinuesIt() {
    String queueUrl =
        sqs.createQueue(r -> r.queueName(UniqueNames.uniqueName("traced"))).queueUrl();
    ServiceIdentity service = new ServiceIdentity("eu", "profiles");
    TraceContext producer = TraceContext.newRoot();
    try (TraceScope scope = TraceScope.open(producer, "req-1", service)) {
      new SqsEventPublisher(sqs, queueUrl)
          .publish(
              new OutboundEvent(
                  "evt-43",
                  "app.stride.profile.v1.updated",
                  "u-1",
                  "{\"specversion\":\"1.0\",\"id\":\"evt-43\"}".getBytes(StandardCharsets.UTF_8)));
    }

    Message message =
        sqs.receiveMessage(
                r -> r.queueUrl(queueUrl).messageAttributeNames("All").waitTimeSeconds(2))
            .messages()
            .get(0);
    String traceparent = message.messageAttributes().get("ce-traceparent").stringValue();
    assertThat(traceparent).isEqualTo(producer.traceparent());
    assertThat(traceparent.split("-")[1]).isEqualTo(producer.traceId());
    assertThat(Json.mapper().readTree(message.body()).path("traceparent").asString())
        .isEqualTo(traceparent);
    assertThat(message.messageAttributes().get("ce-id").stringValue()).isEqualTo("evt-43");

    List<String> consumerTraces = new ArrayList<>();
    new TracedQueueFunction(
            new ServiceIdentity("eu", "profilesUserEraser"),
            batch -> {
              consumerTraces.add(TraceScope.current().orElseThrow().context().traceId());
              return BatchResult.allSucceeded();
            })
        .apply(QueueEvents.toMessages(asLambdaEvent(message)));
    assertThat(consumerTraces).containsExactly(producer.traceId());
  }

  @Test
  void publish_outsideATrace_addsNoTraceAttribute() {
    String queueUrl =
        sqs.createQueue(r -> r.queueName(UniqueNames.uniqueName("untraced"))).queueUrl();

    new SqsEventPublisher(sqs, queueUrl)
        .publish(new OutboundEvent("e", "t", "s", "{}".getBytes(StandardCharsets.UTF_8)));

    Message message =
        sqs.receiveMessage(
                r -> r.queueUrl(queueUrl).messageAttributeNames("All").waitTimeSeconds(2))
            .messages()
            .get(0);
    assertThat(message.messageAttributes()).doesNotContainKey("ce-traceparent");
    assertThat(message.body()).isEqualTo("{}");
  }

  /** The message as the Lambda SQS event source delivers it (string attributes kept). */
  private static SQSEvent asLambdaEvent(Message message) {
    SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
    record.setMessageId(message.messageId());
    record.setBody(message.body());
    Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
    message
        .messageAttributes()
        .forEach(
            (name, value) -> {
              SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
              attribute.setDataType(value.dataType());
              attribute.setStringValue(value.stringValue());
              attributes.put(name, attribute);
            });
    record.setMessageAttributes(attributes);
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(record));
    return event;
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
