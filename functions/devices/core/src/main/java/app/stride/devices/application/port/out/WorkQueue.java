package app.stride.devices.application.port.out;

/**
 * The region's devices work queue (SQS / Pub/Sub, with a dead-letter queue): verified webhook
 * notifications and import jobs, processed by the worker function. A message is only acknowledged
 * to its sender once this returns; the worker is idempotent on {@code deduplicationKey}.
 */
public interface WorkQueue {
  /**
   * Sends one message.
   *
   * @param kind the message kind, e.g. {@code webhook.polar} or {@code import.file}
   * @param deduplicationKey a stable key of the work (retries and duplicates carry the same one)
   * @param body the message body (JSON), at most 200 KiB
   * @throws app.stride.core.store.StoreUnavailableException when the queue cannot be reached
   */
  void send(String kind, String deduplicationKey, byte[] body);
}
