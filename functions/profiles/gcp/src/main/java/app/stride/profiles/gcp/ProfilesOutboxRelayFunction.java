package app.stride.profiles.gcp;

import app.stride.gcp.functions.StrideCloudEventsFunction;
import app.stride.profiles.ProfilesFunctions;

/**
 * The Cloud Functions entry point of the outbox relay, triggered by the Cloud Scheduler job that
 * publishes to the relay's Pub/Sub topic.
 */
public final class ProfilesOutboxRelayFunction extends StrideCloudEventsFunction {
  public ProfilesOutboxRelayFunction() {
    super(ProfilesGcpApplication.class, ProfilesFunctions.OUTBOX_RELAY, Trigger.SCHEDULE);
  }
}
