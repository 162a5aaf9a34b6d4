package app.stride.devices.gcp;

import app.stride.gcp.functions.StridePubSubPushFunction;

/**
 * The Cloud Functions entry point of the devices worker: the region's work topic's delivery
 * subscription pushes each message (a verified webhook notification, an uploaded file, a
 * revocation) to it, as infra's {@code PushWorker} deploys it, and it hands the message to {@value
 * DevicesGcpApplication#WORKER_MESSAGE}. A message that can be tried again (provider down or
 * rate-limited, store unavailable) fails the call with 500, so Pub/Sub redelivers it and finally
 * dead-letters it; one that never can is dropped by the worker and acknowledged.
 */
public final class DevicesWorkerFunction extends StridePubSubPushFunction {
  public DevicesWorkerFunction() {
    super(DevicesGcpApplication.class, DevicesGcpApplication.WORKER_MESSAGE);
  }
}
