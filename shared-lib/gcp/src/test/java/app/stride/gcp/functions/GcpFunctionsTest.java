package app.stride.gcp.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.support.GenericApplicationContext;

/** A queue function and its Pub/Sub face: one instance, failures thrown for redelivery. */
class GcpFunctionsTest {
  private final AtomicInteger built = new AtomicInteger();
  private final List<String> handled = new ArrayList<>();

  @Test
  void registerQueue_servesTheBatchAndItsMessageFace_fromOneInstance() {
    try (GenericApplicationContext context = context()) {
      Function<List<QueueMessage>, BatchResult> batch = target(context, "work");
      Consumer<QueueMessage> message = target(context, "work" + GcpFunctions.MESSAGE_SUFFIX);

      message.accept(message("m-1", "hello"));
      BatchResult result = batch.apply(List.of(message("m-2", "boom"), message("m-3", "again")));

      assertThat(handled).containsExactly("hello", "again");
      assertThat(result.failedMessageIds()).containsExactly("m-2");
      assertThat(built).hasValue(1);
    }
  }

  @Test
  void registerQueue_messageFace_throwsAFailureTheBatchReports_soPubSubDeliversAgain() {
    try (GenericApplicationContext context = context()) {
      Consumer<QueueMessage> message = target(context, "work" + GcpFunctions.MESSAGE_SUFFIX);

      assertThatThrownBy(() -> message.accept(message("m-4", "boom")))
          .isInstanceOf(PubSubMessageConsumer.MessageNotHandledException.class)
          .hasMessageContaining("message=m-4")
          .hasMessageNotContaining("boom");
    }
  }

  private GenericApplicationContext context() {
    GenericApplicationContext context = new GenericApplicationContext();
    GcpFunctions.registerQueue(
        context,
        "work",
        () -> {
          built.incrementAndGet();
          return messages -> {
            List<String> failed = new ArrayList<>();
            for (QueueMessage m : messages) {
              String body = new String(m.body(), StandardCharsets.UTF_8);
              if (body.equals("boom")) {
                failed.add(m.id());
              } else {
                handled.add(body);
              }
            }
            return new BatchResult(failed);
          };
        });
    context.refresh();
    return context;
  }

  @SuppressWarnings("unchecked")
  private static <T> T target(GenericApplicationContext context, String name) {
    return (T) context.getBean(name, FunctionRegistration.class).getTarget();
  }

  private static QueueMessage message(String id, String body) {
    return new QueueMessage(id, body.getBytes(StandardCharsets.UTF_8), Map.of(), 1);
  }
}
