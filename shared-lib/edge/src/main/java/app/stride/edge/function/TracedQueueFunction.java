package app.stride.edge.function;

import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueBatches;
import app.stride.core.trigger.QueueMessage;
import app.stride.edge.observability.EventTracing;
import app.stride.edge.observability.ServiceIdentity;
import app.stride.edge.observability.TraceScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A queue consumer whose messages are each handled in their producer's trace: the batch is split
 * into batches of one, and each runs inside {@link EventTracing#open} (the {@code ce-traceparent}
 * attribute or the event's {@code traceparent}, else a new trace), so what the handler logs and
 * publishes carries that trace. The failed ids of all the small batches are the batch's result; a
 * message whose handling throws is failed alone. Fit for consumers that handle messages
 * independently ({@code QueueBatches.each}), which every Stride consumer does.
 */
public final class TracedQueueFunction implements Function<List<QueueMessage>, BatchResult> {
  private final ServiceIdentity service;
  private final Function<List<QueueMessage>, BatchResult> next;

  /**
   * @param service the consumer's region and name, for the trace scope
   * @param next the consumer
   */
  public TracedQueueFunction(
      ServiceIdentity service, Function<List<QueueMessage>, BatchResult> next) {
    this.service = Objects.requireNonNull(service, "service");
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public BatchResult apply(List<QueueMessage> batch) {
    List<String> failed = new ArrayList<>();
    BatchResult thrown =
        QueueBatches.each(
            batch,
            message -> {
              try (TraceScope scope = EventTracing.open(message, service)) {
                failed.addAll(next.apply(List.of(message)).failedMessageIds());
              }
            });
    failed.addAll(thrown.failedMessageIds());
    return new BatchResult(failed);
  }
}
