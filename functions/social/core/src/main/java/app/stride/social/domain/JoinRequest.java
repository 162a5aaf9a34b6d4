package app.stride.social.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A request to join a private group, waiting for its owner or an admin.
 *
 * @param groupId the group
 * @param userId who asks
 * @param card the card they will have as a member
 * @param requestedAt when they asked
 */
public record JoinRequest(GroupId groupId, UserId userId, PublicCard card, Instant requestedAt) {
  public JoinRequest {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }
}
