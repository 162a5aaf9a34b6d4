package app.stride.aws.sqs;

import app.stride.core.event.EventPublisher;
import app.stride.core.event.OutboundEvent;
import app.stride.core.store.StoreUnavailableException;
import app.stride.edge.observability.EventTracing;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Publishes events to one SQS queue: the body is the structured-mode CloudEvent JSON, and the
 * {@code ce-id}, {@code ce-type} and {@code ce-subject} message attributes let consumers route and
 * deduplicate without parsing it. On a FIFO queue the subject is the message group (per-entity
 * order) and the event id the deduplication id. Any failure to send is a {@link
 * StoreUnavailableException}; the caller's outbox keeps the event for a later retry.
 *
 * <p>The W3C trace of the publishing call goes along ({@link EventTracing}): the event gains the
 * current {@code traceparent} (and {@code tracestate}) extension attributes unless it already has
 * one, and the same values travel as the {@code ce-traceparent} / {@code ce-tracestate} message
 * attributes, so a consumer continues the trace.
 */
public final class SqsEventPublisher implements EventPublisher {
  /** Message attribute holding the CloudEvent id. */
  public static final String ID_ATTRIBUTE = "ce-id";

  /** Message attribute holding the CloudEvent type. */
  public static final String TYPE_ATTRIBUTE = "ce-type";

  /** Message attribute holding the CloudEvent subject. */
  public static final String SUBJECT_ATTRIBUTE = "ce-subject";

  private final SqsClient sqs;
  private final String queueUrl;
  private final boolean fifo;

  public SqsEventPublisher(SqsClient sqs, String queueUrl) {
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    this.fifo = queueUrl.endsWith(".fifo");
  }

  @Override
  public void publish(OutboundEvent event) {
    OutboundEvent traced = EventTracing.withCurrentTrace(event);
    Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
    attributes.put(ID_ATTRIBUTE, text(traced.id()));
    attributes.put(TYPE_ATTRIBUTE, text(traced.type()));
    attributes.put(SUBJECT_ATTRIBUTE, text(traced.subject()));
    EventTracing.attributes(traced).forEach((name, value) -> attributes.put(name, text(value)));
    SendMessageRequest.Builder request =
        SendMessageRequest.builder()
            .queueUrl(queueUrl)
            .messageBody(new String(traced.json(), StandardCharsets.UTF_8))
            .messageAttributes(attributes);
    if (fifo) {
      request.messageGroupId(traced.subject()).messageDeduplicationId(traced.id());
    }
    try {
      sqs.sendMessage(request.build());
    } catch (SdkException e) {
      throw new StoreUnavailableException("event queue", e);
    }
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
