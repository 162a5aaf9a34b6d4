package app.stride.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueEventsTest {
  private final SQSEvent batch = Fixtures.event("sqs-batch.json", SQSEvent.class);

  @Test
  void toMessages_keepsIdsBodiesAndStringAttributesInOrder() {
    List<QueueMessage> messages = QueueEvents.toMessages(batch);

    assertThat(messages)
        .extracting(QueueMessage::id)
        .containsExactly(
            "059f36b4-87a3-44ab-83d2-661975830a7d",
            "2e1424d4-f796-459a-8184-9c92662be6da",
            "c80e8021-a70a-42c7-a470-796e1186f753");
    assertThat(messages.get(0).bodyText()).contains("\"id\":\"evt-1\"");
    assertThat(messages.get(0).attributes())
        .containsEntry("ce-id", "evt-1")
        .containsEntry("ce-type", "app.stride.test.v1.ok");
    assertThat(messages.get(1).attributes()).isEmpty();
  }

  @Test
  void toMessages_deliveryAttemptIsTheApproximateReceiveCount() {
    List<QueueMessage> messages = QueueEvents.toMessages(batch);

    assertThat(messages).extracting(QueueMessage::deliveryAttempt).containsExactly(1, 3, 2);
  }

  @Test
  void toMessages_ofAnEmptyEventIsEmpty() {
    assertThat(QueueEvents.toMessages(new SQSEvent())).isEmpty();
  }

  @Test
  void toResponse_listsExactlyTheFailedIds() {
    SQSBatchResponse response =
        QueueEvents.toResponse(new BatchResult(List.of("2e1424d4-f796-459a-8184-9c92662be6da")));

    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("2e1424d4-f796-459a-8184-9c92662be6da");
  }

  @Test
  void toResponse_ofASuccessfulBatchListsNothing() {
    assertThat(QueueEvents.toResponse(BatchResult.allSucceeded()).getBatchItemFailures()).isEmpty();
  }
}
