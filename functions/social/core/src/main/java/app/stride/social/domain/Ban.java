package app.stride.social.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A user kept out of a group: they cannot join, ask to join, or use an invite.
 *
 * @param groupId the group
 * @param userId who is banned
 * @param bannedBy the owner or admin who banned them
 * @param bannedAt when
 */
public record Ban(GroupId groupId, UserId userId, UserId bannedBy, Instant bannedAt) {
  public Ban {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(bannedBy, "bannedBy");
    Objects.requireNonNull(bannedAt, "bannedAt");
  }
}
