package app.stride.local.worker;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class SqsLambdaEventTest {
  private static final Set<String> BATCH = Set.of("m-1", "m-2", "m-3");

  @Test
  void of_carriesEachMessageAsLambdasSqsEventSourceDoes() throws IOException {
    Message received =
        Message.builder()
            .messageId("0f1c6a52-1b6e-4c57-9d6b-2a4f0b8e3f01")
            .receiptHandle("0f1c6a52-1b6e-4c57-9d6b-2a4f0b8e3f01#1d5c")
            .body("{\"provider\":\"polar\",\"deduplicationKey\":\"polar:exercise:bQx9Z1\"}")
            .md5OfBody("8c8f1c4f0b3b1f2d9d3f5e0d1c2b3a49")
            .md5OfMessageAttributes("f3a1d0e9c8b7a6f5e4d3c2b1a0f9e8d7")
            .attributes(
                Map.of(
                    MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2",
                    MessageSystemAttributeName.SENT_TIMESTAMP, "1790500000100",
                    MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP, "1790500000200",
                    MessageSystemAttributeName.SENDER_ID, "000000000000",
                    MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, "5b2f0c0e8c1d",
                    MessageSystemAttributeName.MESSAGE_GROUP_ID, "a3c9"))
            .messageAttributes(
                Map.of(
                    "kind", text("webhook.polar"),
                    "deduplication-key", text("polar:exercise:bQx9Z1")))
            .build();

    byte[] event =
        SqsLambdaEvent.of(
            List.of(received),
            "arn:aws:sqs:eu-central-1:000000000000:stride-devices-work-eu",
            "eu-central-1");

    assertThat(Json.mapper().readTree(event))
        .isEqualTo(Json.mapper().readTree(fixture("/sqs/work-batch-event.json")));
  }

  @Test
  void failedIds_areNone_whenTheAnswerIsEmptyOrNamesNoFailure() {
    assertThat(SqsLambdaEvent.failedIds(new byte[0], BATCH)).isEmpty();
    assertThat(SqsLambdaEvent.failedIds(utf8("null"), BATCH)).isEmpty();
    assertThat(SqsLambdaEvent.failedIds(utf8("{}"), BATCH)).isEmpty();
    assertThat(SqsLambdaEvent.failedIds(utf8("{\"batchItemFailures\":[]}"), BATCH)).isEmpty();
  }

  @Test
  void failedIds_areTheNamedMessages() {
    byte[] answer =
        utf8("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-1\"},{\"itemIdentifier\":\"m-3\"}]}");

    assertThat(SqsLambdaEvent.failedIds(answer, BATCH)).containsExactlyInAnyOrder("m-1", "m-3");
  }

  @Test
  void failedIds_areTheWholeBatch_whenTheAnswerIsNotAValidPartialBatchResponse() {
    assertThat(SqsLambdaEvent.failedIds(utf8("{\"errorType\":"), BATCH)).isEqualTo(BATCH);
    assertThat(SqsLambdaEvent.failedIds(utf8("[]"), BATCH)).isEqualTo(BATCH);
    assertThat(SqsLambdaEvent.failedIds(utf8("{\"batchItemFailures\":{}}"), BATCH))
        .isEqualTo(BATCH);
    assertThat(
            SqsLambdaEvent.failedIds(
                utf8("{\"batchItemFailures\":[{\"itemIdentifier\":\"elsewhere\"}]}"), BATCH))
        .as("a message outside the batch")
        .isEqualTo(BATCH);
    assertThat(SqsLambdaEvent.failedIds(utf8("{\"batchItemFailures\":[{\"id\":\"m-1\"}]}"), BATCH))
        .as("no itemIdentifier")
        .isEqualTo(BATCH);
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] fixture(String path) throws IOException {
    try (InputStream in = SqsLambdaEventTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }
}
