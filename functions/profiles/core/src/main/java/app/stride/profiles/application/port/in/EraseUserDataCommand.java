package app.stride.profiles.application.port.in;

import app.stride.core.region.RegionId;
import app.stride.profiles.domain.UserId;
import java.util.Objects;

/**
 * Erase the data of a deleted account.
 *
 * @param eventId the id of the {@code app.stride.user.v1.deleted} event asking for it, for logs
 * @param userId the user whose account was deleted
 * @param homeRegion the user's home region, the only region holding their profile
 */
public record EraseUserDataCommand(String eventId, UserId userId, RegionId homeRegion) {
  public EraseUserDataCommand {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(homeRegion, "homeRegion");
    if (eventId.isBlank()) {
      throw new IllegalArgumentException("eventId must not be blank");
    }
  }
}
