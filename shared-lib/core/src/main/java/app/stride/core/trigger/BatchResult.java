package app.stride.core.trigger;

import java.util.List;

/**
 * The outcome of handling a batch of queue messages: the ids of the messages that failed and must
 * be redelivered. Messages not listed are deleted from the queue.
 */
public record BatchResult(List<String> failedMessageIds) {
  public BatchResult {
    failedMessageIds = List.copyOf(failedMessageIds);
  }

  /** Every message succeeded. */
  public static BatchResult allSucceeded() {
    return new BatchResult(List.of());
  }
}
