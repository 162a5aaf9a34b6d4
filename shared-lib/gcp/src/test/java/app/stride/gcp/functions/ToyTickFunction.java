package app.stride.gcp.functions;

/** The toy capability's Cloud Scheduler (via Pub/Sub) entry. */
public final class ToyTickFunction extends StrideCloudEventsFunction {
  public ToyTickFunction() {
    super(ToyApplication.class, "toyTick", Trigger.SCHEDULE);
  }
}
