package app.stride.devices.gcp;

import app.stride.devices.DevicesFunctions;
import app.stride.gcp.functions.StrideCloudEventsFunction;

/**
 * The Cloud Functions entry point of the outbox relay ({@value DevicesFunctions#OUTBOX_RELAY}),
 * triggered through its own Pub/Sub topic by a Cloud Scheduler job every minute: it publishes the
 * activity events a write stored but did not publish, except an erased account's. A failed tick is
 * not retried; the next one relays the same pending events.
 */
public final class DevicesOutboxRelayFunction extends StrideCloudEventsFunction {
  public DevicesOutboxRelayFunction() {
    super(DevicesGcpApplication.class, DevicesFunctions.OUTBOX_RELAY, Trigger.SCHEDULE);
  }
}
