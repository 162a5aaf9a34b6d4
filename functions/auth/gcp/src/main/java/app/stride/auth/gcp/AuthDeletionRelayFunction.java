package app.stride.auth.gcp;

import app.stride.auth.AuthFunctions;
import app.stride.gcp.functions.StrideCloudEventsFunction;

/**
 * The entry point of the account-deletion event relay, triggered through Pub/Sub by Cloud
 * Scheduler.
 */
public final class AuthDeletionRelayFunction extends StrideCloudEventsFunction {
  public AuthDeletionRelayFunction() {
    super(AuthGcpApplication.class, AuthFunctions.DELETION_RELAY, Trigger.SCHEDULE);
  }
}
