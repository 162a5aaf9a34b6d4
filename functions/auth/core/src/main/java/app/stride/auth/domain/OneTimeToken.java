package app.stride.auth.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A single-use secret sent to the user (mail link) or handed back mid-login, stored as its hash.
 *
 * @param tokenHash SHA-256 of the opaque token
 * @param purpose what it may be used for; a token of one purpose never serves another
 * @param userId the account it acts on
 * @param expiresAt when it stops working
 * @param failures wrong codes entered against it (MFA challenges); it dies at {@link #MAX_FAILURES}
 */
public record OneTimeToken(
    String tokenHash, Purpose purpose, UserId userId, Instant expiresAt, int failures) {
  /** Wrong second-factor codes tolerated on one challenge. */
  public static final int MAX_FAILURES = 5;

  public OneTimeToken {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** What a one-time token may be used for, and how long it lives. */
  public enum Purpose {
    VERIFY_EMAIL(java.time.Duration.ofHours(24)),
    RESET_PASSWORD(java.time.Duration.ofMinutes(30)),
    MFA_CHALLENGE(java.time.Duration.ofMinutes(5));

    private final java.time.Duration lifetime;

    Purpose(java.time.Duration lifetime) {
      this.lifetime = lifetime;
    }

    public java.time.Duration lifetime() {
      return lifetime;
    }
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
