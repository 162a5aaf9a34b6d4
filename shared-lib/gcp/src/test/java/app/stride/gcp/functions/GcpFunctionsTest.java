package app.stride.gcp.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.function.StrideFunctions;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.core.trigger.ScheduledTick;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A queue function and its Pub/Sub face: one instance, failures thrown for redelivery; every
 * registration built on its first call.
 */
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

  /**
   * The context starts every registration, whatever the entry point: a function is built only on
   * its first call, so an entry point given only its own variables (a relay, an eraser) starts even
   * though its siblings' factories would fail without theirs.
   */
  @Test
  void everyRegistration_buildsItsFunctionOnItsFirstCall_notWhenTheContextStarts() {
    List<String> builtNow = new ArrayList<>();
    List<ScheduledTick> ticks = new ArrayList<>();
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      StrideFunctions.registerHttp(
          context,
          "http",
          () -> {
            throw new IllegalStateException("missing configuration STRIDE_CURSOR_KEY");
          });
      GcpFunctions.registerQueue(
          context,
          "worker",
          () -> {
            throw new IllegalStateException("missing configuration STRIDE_PROVIDER_SETTINGS");
          });
      GcpFunctions.registerSchedule(
          context,
          "relay",
          () -> {
            builtNow.add("relay");
            return ticks::add;
          });
      context.refresh();
      assertThat(builtNow).as("nothing built at start").isEmpty();

      Consumer<ScheduledTick> relay = target(context, "relay");
      ScheduledTick tick = new ScheduledTick("t1", "relay", Instant.EPOCH);
      relay.accept(tick);
      relay.accept(tick);

      assertThat(builtNow).containsExactly("relay");
      assertThat(ticks).hasSize(2);
      Function<ApiRequest, ApiResponse> http = target(context, "http");
      assertThatThrownBy(
              () -> http.apply(new ApiRequest("GET", "/", null, null, null, "127.0.0.1", "r1")))
          .hasMessageContaining("STRIDE_CURSOR_KEY");
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
