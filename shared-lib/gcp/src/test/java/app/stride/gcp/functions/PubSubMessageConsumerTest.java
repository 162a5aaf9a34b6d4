package app.stride.gcp.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PubSubMessageConsumerTest {
  private final QueueMessage message =
      new QueueMessage("m-7", "secret body".getBytes(StandardCharsets.UTF_8), Map.of(), 3);

  @Test
  void aHandledMessage_returns_soPubSubAcknowledgesIt() {
    assertThatCode(
            () -> new PubSubMessageConsumer(batch -> new BatchResult(List.of())).accept(message))
        .doesNotThrowAnyException();
  }

  @Test
  void aFailedMessage_throws_soPubSubRedeliversIt_namingTheMessageButNotItsBody() {
    PubSubMessageConsumer consumer =
        new PubSubMessageConsumer(batch -> new BatchResult(List.of(batch.get(0).id())));

    assertThatThrownBy(() -> consumer.accept(message))
        .isInstanceOf(PubSubMessageConsumer.MessageNotHandledException.class)
        .hasMessageContaining("m-7")
        .hasMessageContaining("attempt=3")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret body"));
  }
}
