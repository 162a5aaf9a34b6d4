package app.stride.auth.gcp;

import app.stride.auth.AuthFunctions;
import app.stride.gcp.functions.StrideCloudEventsFunction;

/** The entry point of the signing-key rotation, triggered through Pub/Sub by Cloud Scheduler. */
public final class AuthKeyRotationFunction extends StrideCloudEventsFunction {
  public AuthKeyRotationFunction() {
    super(AuthGcpApplication.class, AuthFunctions.KEY_ROTATION, Trigger.SCHEDULE);
  }
}
