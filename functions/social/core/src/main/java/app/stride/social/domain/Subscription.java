package app.stride.social.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One connection's subscription to one group's chat, kept as its own item so the group's region
 * finds the connections to fan a change out to with one query.
 *
 * @param group the group
 * @param connection the subscribed connection
 * @param user the connection's user (the fan-out re-checks their membership)
 * @param expiresAt when the connection's token or lifetime ends; an expired subscription is absent
 */
public record Subscription(GroupId group, ConnectionId connection, UserId user, Instant expiresAt) {
  public Subscription {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Whether it is over at {@code now}. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
