package app.stride.social.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's membership of a group, as the group's region stores it: the user id, a role, the public
 * card and the read marker. Nothing else about the user is kept here, wherever they are homed.
 *
 * @param groupId the group
 * @param userId the member
 * @param storedRole the role as stored; {@link Group#roleOf} is the role that counts
 * @param card what other members see
 * @param joinedAt when the user became a member
 * @param lastRead the newest message the member has read, or empty
 * @param version optimistic version, 1 on creation
 */
public record Membership(
    GroupId groupId,
    UserId userId,
    GroupRole storedRole,
    PublicCard card,
    Instant joinedAt,
    Optional<MessageId> lastRead,
    long version) {
  public Membership {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(storedRole, "storedRole");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(joinedAt, "joinedAt");
    lastRead = lastRead == null ? Optional.empty() : lastRead;
  }

  /** A new membership. */
  public static Membership join(
      GroupId groupId, UserId userId, GroupRole role, PublicCard card, Instant at) {
    return new Membership(groupId, userId, role, card, at, Optional.empty(), 1);
  }

  /** This membership with another stored role. */
  public Membership withRole(GroupRole role) {
    return new Membership(groupId, userId, role, card, joinedAt, lastRead, version + 1);
  }

  /** This membership read up to {@code message}. */
  public Membership readUpTo(MessageId message) {
    return new Membership(
        groupId, userId, storedRole, card, joinedAt, Optional.of(message), version + 1);
  }
}
