package app.stride.devices.application.port.out;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.UserId;
import java.util.List;

/** The per-item outbox: activity events written with a change and not yet confirmed published. */
public interface ActivityOutboxPort {
  /** Clears the pending event {@code eventId} of an activity; nothing when no longer pending. */
  void markPublished(UserId userId, ActivityId activityId, String eventId, RegionId home);

  /** Up to {@code limit} pending events of the region, oldest first, for the relay. */
  List<PendingEvent> pending(int limit, RegionId home);

  /** A pending event and the activity it belongs to. */
  record PendingEvent(UserId userId, ActivityId activityId, OutboundEvent event) {}
}
