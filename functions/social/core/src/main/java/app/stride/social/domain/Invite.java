package app.stride.social.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An invite link into a group. Only the token's hash is stored; the token itself is shown once, to
 * whoever created it.
 *
 * @param tokenHash hex SHA-256 of the whole token
 * @param groupId the group it admits into
 * @param createdBy the owner or admin who made it
 * @param expiresAt when it stops working
 * @param maxUses how many users it admits
 * @param uses how many it admitted so far
 * @param version optimistic version, 1 on creation
 */
public record Invite(
    String tokenHash,
    GroupId groupId,
    UserId createdBy,
    Instant expiresAt,
    int maxUses,
    int uses,
    long version) {
  public Invite {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Whether it still admits someone at {@code now}. */
  public boolean usableAt(Instant now) {
    return now.isBefore(expiresAt) && uses < maxUses;
  }

  /** This invite with one more use. */
  public Invite used() {
    return new Invite(tokenHash, groupId, createdBy, expiresAt, maxUses, uses + 1, version + 1);
  }
}
