package app.stride.core.event;

/** Sends events to the region's event transport (SQS on AWS, Pub/Sub on GCP). */
public interface EventPublisher {
  /**
   * Sends one event, returning once the transport has accepted it.
   *
   * @throws app.stride.core.store.StoreUnavailableException when the transport cannot be reached
   */
  void publish(OutboundEvent event);
}
