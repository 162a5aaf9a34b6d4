package app.stride.events.user.v1;

import java.util.Objects;

/**
 * What one {@value UserDeleted#TYPE} asks of a capability's data eraser, read by {@link
 * UserDeletedReader#readErasure}: the user's id already in the capability's own form.
 *
 * @param eventId the event's id, for the eraser's log lines
 * @param userId the user whose data is to be erased
 * @param homeRegion the user's home region, the only one holding their data
 * @param <U> the capability's user id type
 */
public record UserErasure<U>(String eventId, U userId, String homeRegion) {
  public UserErasure {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(homeRegion, "homeRegion");
  }
}
