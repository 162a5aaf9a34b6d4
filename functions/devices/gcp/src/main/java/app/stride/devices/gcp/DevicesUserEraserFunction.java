package app.stride.devices.gcp;

import app.stride.gcp.functions.StridePubSubPushFunction;

/**
 * The Cloud Functions entry point of the devices data eraser: the eraser's push subscription of the
 * region's {@code profile-events} topic, filtered on the {@code ce-type} attribute {@code
 * app.stride.user.v1.deleted} (infra's {@code SubscriberFunction}), posts each account deletion to
 * it as a plain Pub/Sub push body, and it hands the message to {@value
 * DevicesGcpApplication#USER_ERASER_MESSAGE}, the single-message face of the same {@value
 * app.stride.devices.DevicesFunctions#USER_ERASER} bean the AWS deployable serves. A push rather
 * than an Eventarc trigger, because only a subscription of our own can filter on an attribute and
 * dead-letter. A message that cannot be read or erased fails the call with 500, so Pub/Sub
 * redelivers it after its backoff (the erasure resumes where it stopped) and finally dead-letters
 * it.
 */
public final class DevicesUserEraserFunction extends StridePubSubPushFunction {
  public DevicesUserEraserFunction() {
    super(DevicesGcpApplication.class, DevicesGcpApplication.USER_ERASER_MESSAGE);
  }
}
