package app.stride.auth.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A sign-in session: the chain of refresh tokens issued from one login.
 *
 * @param familyId random id
 * @param userId the owner
 * @param startedAt when the login happened; compared with {@link Account#sessionsValidAfter()}
 * @param expiresAt the session's absolute end (a refresh never extends it)
 * @param revokedAt when it was revoked (logout, reuse detected), or null
 */
public record SessionFamily(
    String familyId, UserId userId, Instant startedAt, Instant expiresAt, Instant revokedAt) {
  public SessionFamily {
    Objects.requireNonNull(familyId, "familyId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public Optional<Instant> revoked() {
    return Optional.ofNullable(revokedAt);
  }
}
