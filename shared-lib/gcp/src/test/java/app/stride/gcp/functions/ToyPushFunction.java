package app.stride.gcp.functions;

/** The toy capability's queue worker fed by a Pub/Sub push subscription. */
public final class ToyPushFunction extends StridePubSubPushFunction {
  public ToyPushFunction() {
    super(ToyApplication.class, "toyQueue");
  }
}
