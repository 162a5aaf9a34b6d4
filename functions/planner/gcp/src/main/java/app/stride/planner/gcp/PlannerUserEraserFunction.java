package app.stride.planner.gcp;

import app.stride.gcp.functions.StridePubSubPushFunction;

/**
 * The Cloud Functions entry point of the planner data eraser: the eraser's push subscription of the
 * region's {@code profile-events} topic, filtered on the {@code ce-type} attribute {@code
 * app.stride.user.v1.deleted} (infra's {@code SubscriberFunction}), posts each account deletion to
 * it as a plain Pub/Sub push body, and it hands the message to {@value
 * PlannerGcpApplication#USER_ERASER_MESSAGE}, the single-message face of the same {@code
 * plannerUserEraser} bean the AWS deployable serves. A message that cannot be read or erased fails
 * the call with 500, so Pub/Sub redelivers it after its backoff and finally dead-letters it.
 */
public final class PlannerUserEraserFunction extends StridePubSubPushFunction {
  public PlannerUserEraserFunction() {
    super(PlannerGcpApplication.class, PlannerGcpApplication.USER_ERASER_MESSAGE);
  }
}
