package app.stride.gcp.functions;

import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A neutral batch function seen as a Pub/Sub push consumer: a push carries one message, so it is a
 * batch of one, and a failure reported in the {@link BatchResult} is thrown. {@code
 * StrideCloudEventsFunction} lets the exception propagate, the Functions Framework answers 500, and
 * Pub/Sub redelivers the message and finally dead-letters it. Without this, a reported failure
 * would be answered 200 and the message acknowledged, silently dropped.
 */
public final class PubSubMessageConsumer implements Consumer<QueueMessage> {
  private final Function<List<QueueMessage>, BatchResult> batch;

  public PubSubMessageConsumer(Function<List<QueueMessage>, BatchResult> batch) {
    this.batch = Objects.requireNonNull(batch, "batch");
  }

  @Override
  public void accept(QueueMessage message) {
    BatchResult result = batch.apply(List.of(message));
    if (!result.failedMessageIds().isEmpty()) {
      throw new MessageNotHandledException(message);
    }
  }

  /** The message failed; Pub/Sub is to redeliver it. Names the message, never its content. */
  public static final class MessageNotHandledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MessageNotHandledException(QueueMessage message) {
      super(
          "message="
              + message.id()
              + " attempt="
              + message.deliveryAttempt()
              + " failed; Pub/Sub redelivers it, then dead-letters it");
    }
  }
}
