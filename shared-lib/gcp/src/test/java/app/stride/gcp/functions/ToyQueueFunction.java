package app.stride.gcp.functions;

/** The toy capability's Pub/Sub queue entry. */
public final class ToyQueueFunction extends StrideCloudEventsFunction {
  public ToyQueueFunction() {
    super(ToyApplication.class, "toyQueue", Trigger.QUEUE);
  }
}
