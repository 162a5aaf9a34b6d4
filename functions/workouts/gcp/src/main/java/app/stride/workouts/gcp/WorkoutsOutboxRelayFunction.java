package app.stride.workouts.gcp;

import app.stride.gcp.functions.StrideCloudEventsFunction;
import app.stride.workouts.WorkoutsFunctions;

/**
 * The Cloud Functions entry point of the outbox relay, triggered by the Cloud Scheduler job that
 * publishes to the relay's Pub/Sub topic.
 */
public final class WorkoutsOutboxRelayFunction extends StrideCloudEventsFunction {
  public WorkoutsOutboxRelayFunction() {
    super(WorkoutsGcpApplication.class, WorkoutsFunctions.OUTBOX_RELAY, Trigger.SCHEDULE);
  }
}
