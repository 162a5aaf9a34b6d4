package app.stride.devices.gcp.adapter.out.firestore;

import app.stride.core.event.OutboundEvent;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.UserId;
import java.util.Objects;

/**
 * An event still waiting in an activity's outbox, as the relay reads it.
 *
 * @param userId the activity's owner
 * @param activityId the activity whose document holds the event
 * @param event the event to publish, then to mark published
 */
public record PendingActivityEvent(UserId userId, ActivityId activityId, OutboundEvent event) {
  public PendingActivityEvent {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(activityId, "activityId");
    Objects.requireNonNull(event, "event");
  }
}
