package app.stride.devices.gcp;

import app.stride.devices.DevicesFunctions;
import app.stride.gcp.functions.StrideCloudEventsFunction;

/**
 * The Cloud Functions entry point of the erasure's follow-up sweep ({@value
 * DevicesFunctions#ERASURE_SWEEP}), triggered through its own Pub/Sub topic by a Cloud Scheduler
 * job every 15 minutes: it sweeps again the accounts erased in the region within the last hour. A
 * failed tick is not retried; the next one does the same work.
 */
public final class DevicesErasureSweepFunction extends StrideCloudEventsFunction {
  public DevicesErasureSweepFunction() {
    super(DevicesGcpApplication.class, DevicesFunctions.ERASURE_SWEEP, Trigger.SCHEDULE);
  }
}
