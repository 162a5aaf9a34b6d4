package app.stride.edge.function;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueBatches;
import app.stride.core.trigger.QueueMessage;
import app.stride.edge.observability.EventTracing;
import app.stride.edge.observability.ServiceIdentity;
import app.stride.edge.observability.TraceScope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The consumer side of trace propagation. (The MDC is not asserted: slf4j-simple, the binding here
 * and in the deployables, has no MDC; {@code TraceScope} is what carries the ids.)
 */
class TracedQueueFunctionTest {
  private static final ServiceIdentity ERASER = new ServiceIdentity("eu", "profilesUserEraser");
  private static final String TRACE_A = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String TRACE_B = "0af7651916cd43dd8448eb211c80319c";

  private final List<String> seenTraces = new ArrayList<>();

  @Test
  void eachMessage_runsInItsProducersTrace_fromTheAttributeOrTheBody() {
    TracedQueueFunction consumer = new TracedQueueFunction(ERASER, this::recordEach);

    BatchResult result =
        consumer.apply(
            List.of(
                new QueueMessage(
                    "m1",
                    "{}".getBytes(StandardCharsets.UTF_8),
                    Map.of(
                        EventTracing.TRACEPARENT_ATTRIBUTE,
                        "00-" + TRACE_A + "-00f067aa0ba902b7-01"),
                    1),
                new QueueMessage(
                    "m2",
                    ("{\"specversion\":\"1.0\",\"traceparent\":\"00-"
                            + TRACE_B
                            + "-b7ad6b7169203331-01\"}")
                        .getBytes(StandardCharsets.UTF_8),
                    Map.of(),
                    1)));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(seenTraces).containsExactly(TRACE_A, TRACE_B);
    assertThat(TraceScope.current()).isEmpty();
  }

  @Test
  void untracedMessage_getsANewTraceOfItsOwn() {
    TracedQueueFunction consumer = new TracedQueueFunction(ERASER, this::recordEach);

    consumer.apply(List.of(message("m1"), message("m2")));

    assertThat(seenTraces).hasSize(2).doesNotHaveDuplicates().allMatch(t -> t.length() == 32);
  }

  @Test
  void failures_areCollected_andAThrowingMessageFailsAlone() {
    TracedQueueFunction consumer =
        new TracedQueueFunction(
            ERASER,
            batch -> {
              String id = batch.get(0).id();
              if (id.equals("boom")) {
                throw new IllegalStateException("store down");
              }
              return QueueBatches.each(
                  batch,
                  m -> {
                    if (m.id().equals("bad")) {
                      throw new IllegalArgumentException("unreadable");
                    }
                  });
            });

    BatchResult result =
        consumer.apply(List.of(message("ok-1"), message("bad"), message("boom"), message("ok-2")));

    assertThat(result.failedMessageIds()).containsExactly("bad", "boom");
    assertThat(TraceScope.current()).isEmpty();
  }

  private BatchResult recordEach(List<QueueMessage> batch) {
    assertThat(batch).hasSize(1);
    TraceScope scope = TraceScope.current().orElseThrow();
    assertThat(scope.requestId()).isEqualTo(batch.get(0).id());
    assertThat(scope.service()).isEqualTo(ERASER);
    seenTraces.add(scope.context().traceId());
    return BatchResult.allSucceeded();
  }

  private static QueueMessage message(String id) {
    return new QueueMessage(id, "{}".getBytes(StandardCharsets.UTF_8), Map.of(), 1);
  }
}
