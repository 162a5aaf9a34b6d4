package app.stride.devices.gcp;

import app.stride.devices.DevicesFunctions;
import app.stride.gcp.functions.StrideHttpFunction;

/** The Cloud Functions entry point of {@code /v1/activities/**} and the providers' webhooks. */
public final class DevicesHttpFunction extends StrideHttpFunction {
  public DevicesHttpFunction() {
    super(DevicesGcpApplication.class, DevicesFunctions.NAME);
  }
}
