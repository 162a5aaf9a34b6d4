package app.stride.auth.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A refresh token as stored: only its hash. Each use rotates it: the token is marked rotated and a
 * successor of the same family is issued. A rotated token presented again means it leaked, and the
 * whole family is revoked.
 *
 * @param tokenHash SHA-256 of the opaque token
 * @param familyId the session this token belongs to
 * @param userId the owner
 * @param amr how the session was authenticated ({@code pwd}, {@code otp}, {@code ext})
 * @param issuedAt when it was issued
 * @param expiresAt when it stops working
 * @param rotatedAt when it was used (and replaced), or null while unused
 */
public record RefreshToken(
    String tokenHash,
    String familyId,
    UserId userId,
    List<String> amr,
    Instant issuedAt,
    Instant expiresAt,
    Instant rotatedAt) {
  public RefreshToken {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(familyId, "familyId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    amr = amr == null ? List.of() : List.copyOf(amr);
  }

  public Optional<Instant> rotated() {
    return Optional.ofNullable(rotatedAt);
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
