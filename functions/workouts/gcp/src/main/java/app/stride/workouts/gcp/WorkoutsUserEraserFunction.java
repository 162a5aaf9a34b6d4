package app.stride.workouts.gcp;

import app.stride.gcp.functions.StridePubSubPushFunction;

/**
 * The Cloud Functions entry point of the workouts data eraser: the eraser's push subscription of
 * the region's {@code profile-events} topic, filtered on the {@code ce-type} attribute {@code
 * app.stride.user.v1.deleted} (infra's {@code SubscriberFunction}), posts each account deletion to
 * it as a plain Pub/Sub push body, and it hands the message to {@value
 * WorkoutsGcpApplication#USER_ERASER_MESSAGE}, the single-message face of the same {@code
 * workoutsUserEraser} bean the AWS deployable serves. A message that cannot be read or erased fails
 * the call with 500, so Pub/Sub redelivers it after its backoff and finally dead-letters it.
 */
public final class WorkoutsUserEraserFunction extends StridePubSubPushFunction {
  public WorkoutsUserEraserFunction() {
    super(WorkoutsGcpApplication.class, WorkoutsGcpApplication.USER_ERASER_MESSAGE);
  }
}
