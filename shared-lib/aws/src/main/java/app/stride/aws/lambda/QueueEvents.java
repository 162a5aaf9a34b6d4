package app.stride.aws.lambda;

import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates SQS batches to neutral queue messages and a {@link BatchResult} to the partial batch
 * failure response ({@code ReportBatchItemFailures} must be enabled on the event source mapping).
 */
public final class QueueEvents {
  /** The SQS system attribute counting deliveries. */
  static final String RECEIVE_COUNT = "ApproximateReceiveCount";

  private QueueEvents() {}

  /** The neutral messages of a batch: string message attributes kept, delivery attempt from SQS. */
  public static List<QueueMessage> toMessages(SQSEvent event) {
    if (event == null || event.getRecords() == null) {
      return List.of();
    }
    return event.getRecords().stream().map(QueueEvents::toMessage).toList();
  }

  /** The partial batch response naming every failed message, so only those are redelivered. */
  public static SQSBatchResponse toResponse(BatchResult result) {
    return new SQSBatchResponse(
        result.failedMessageIds().stream().map(SQSBatchResponse.BatchItemFailure::new).toList());
  }

  private static QueueMessage toMessage(SQSEvent.SQSMessage record) {
    Map<String, String> attributes = new HashMap<>();
    if (record.getMessageAttributes() != null) {
      record
          .getMessageAttributes()
          .forEach(
              (name, value) -> {
                if (value != null && value.getStringValue() != null) {
                  attributes.put(name, value.getStringValue());
                }
              });
    }
    String body = record.getBody() == null ? "" : record.getBody();
    return new QueueMessage(
        record.getMessageId(),
        body.getBytes(StandardCharsets.UTF_8),
        attributes,
        deliveryAttempt(record.getAttributes()));
  }

  private static int deliveryAttempt(Map<String, String> systemAttributes) {
    String count = systemAttributes == null ? null : systemAttributes.get(RECEIVE_COUNT);
    try {
      return count == null ? 1 : Math.max(1, Integer.parseInt(count));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
