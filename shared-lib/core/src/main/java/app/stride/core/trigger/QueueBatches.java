package app.stride.core.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles a batch one message at a time, reporting each failure separately, so one poison message
 * is redelivered (and eventually dead-lettered) without the rest of its batch.
 */
public final class QueueBatches {
  private static final Logger log = LoggerFactory.getLogger(QueueBatches.class);

  private QueueBatches() {}

  /** Applies {@code handler} to each message and returns the ids of those that threw. */
  public static BatchResult each(List<QueueMessage> batch, Consumer<QueueMessage> handler) {
    List<String> failed = new ArrayList<>();
    for (QueueMessage message : batch) {
      try {
        handler.accept(message);
      } catch (RuntimeException e) {
        log.warn(
            "message={} attempt={} failed: {}",
            message.id(),
            message.deliveryAttempt(),
            e.toString());
        failed.add(message.id());
      }
    }
    return new BatchResult(failed);
  }
}
