package app.stride.devices.gcp;

import app.stride.gcp.functions.StrideCloudEventsFunction;

/**
 * The Cloud Functions entry point of the devices worker: a Pub/Sub push (Eventarc {@code
 * google.cloud.pubsub.topic.v1.messagePublished}) of one verified webhook notification from the
 * region's work topic, handed to {@value DevicesGcpApplication#WORKER_MESSAGE}. A notification that
 * can be tried again (provider down or rate-limited, store unavailable) fails the call, so Pub/Sub
 * redelivers it and finally dead-letters it; one that never can is dropped by the worker.
 */
public final class DevicesWorkerFunction extends StrideCloudEventsFunction {
  public DevicesWorkerFunction() {
    super(DevicesGcpApplication.class, DevicesGcpApplication.WORKER_MESSAGE, Trigger.QUEUE);
  }
}
