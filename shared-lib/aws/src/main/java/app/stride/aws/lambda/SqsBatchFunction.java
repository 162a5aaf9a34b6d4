package app.stride.aws.lambda;

import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The AWS-typed face of a queue consumer: the batch goes to the neutral bean, whose failed ids come
 * back as {@code batchItemFailures} so SQS redelivers only those.
 */
public final class SqsBatchFunction implements Function<SQSEvent, SQSBatchResponse> {
  private final Function<List<QueueMessage>, BatchResult> consumer;

  public SqsBatchFunction(Function<List<QueueMessage>, BatchResult> consumer) {
    this.consumer = Objects.requireNonNull(consumer, "consumer");
  }

  @Override
  public SQSBatchResponse apply(SQSEvent event) {
    return QueueEvents.toResponse(consumer.apply(QueueEvents.toMessages(event)));
  }
}
