package app.stride.devices.gcp;

import app.stride.gcp.functions.StrideCloudEventsFunction;

/**
 * The Cloud Functions entry point of the devices data eraser: a Pub/Sub push (Eventarc {@code
 * google.cloud.pubsub.topic.v1.messagePublished}) of one {@code app.stride.user.v1.deleted} event,
 * handed to {@value DevicesGcpApplication#USER_ERASER_MESSAGE}, the single-message face of the same
 * {@value app.stride.devices.DevicesFunctions#USER_ERASER} bean the AWS deployable serves. A
 * message that cannot be read or erased fails the call (HTTP 500), so Pub/Sub redelivers it and
 * finally dead-letters it.
 */
public final class DevicesUserEraserFunction extends StrideCloudEventsFunction {
  public DevicesUserEraserFunction() {
    super(DevicesGcpApplication.class, DevicesGcpApplication.USER_ERASER_MESSAGE, Trigger.QUEUE);
  }
}
