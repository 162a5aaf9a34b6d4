package app.stride.profiles.application.port.out;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.profiles.domain.UserId;
import java.util.List;

/** The per-item outbox: events written with a change and not yet confirmed as published. */
public interface ProfileOutboxPort {
  /**
   * Clears the pending event {@code eventId} of {@code userId} once it was published; removes a
   * delete marker entirely. Does nothing when the event is no longer pending (already cleared or
   * superseded).
   */
  void markPublished(UserId userId, String eventId, RegionId home);

  /** Up to {@code limit} pending events of the region, oldest first, for the relay to republish. */
  List<PendingEvent> pending(int limit, RegionId home);

  /**
   * A pending event and the user it belongs to.
   *
   * @param userId the profile owner
   * @param event the event to publish
   */
  record PendingEvent(UserId userId, OutboundEvent event) {}
}
