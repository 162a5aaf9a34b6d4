package app.stride.profiles.application.service;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.events.CloudEvent;
import app.stride.events.EventCodec;
import app.stride.events.profile.v1.ProfileUpdated;
import app.stride.events.profile.v1.ProfileUpdated.Change;
import app.stride.profiles.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds the {@code app.stride.profile.v1.updated} event of a change, ready for the outbox. */
final class ProfileEvents {
  private final EventCodec codec = new EventCodec();
  private final RegionId region;

  ProfileEvents(RegionId region) {
    this.region = region;
  }

  OutboundEvent updated(
      UserId userId, long version, Change change, List<String> changedFields, Instant at) {
    String id = UUID.randomUUID().toString();
    CloudEvent<ProfileUpdated> event =
        ProfileUpdated.event(
            id, region.value(), userId.value(), version, change, changedFields, at);
    return new OutboundEvent(id, ProfileUpdated.TYPE, userId.value(), codec.encodeToBytes(event));
  }
}
