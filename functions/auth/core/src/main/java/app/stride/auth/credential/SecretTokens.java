package app.stride.auth.credential;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Opaque secrets handed to clients: refresh tokens, email-verification and password-reset tokens,
 * MFA challenge tokens. Stores keep only {@link #hash(String)}, so a leaked table cannot be
 * replayed. Thread-safe.
 */
public final class SecretTokens {

  /** Random bytes per token (256 bits). */
  public static final int TOKEN_BYTES = 32;

  private final SecureRandom random = new SecureRandom();

  /** A fresh token: 32 random bytes, base64url without padding (43 characters). */
  public String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The stored form of a token: SHA-256, base64url without padding. */
  public String hash(String token) {
    return Sha256.base64Url(Objects.requireNonNull(token, "token"));
  }

  /** Whether a presented token hashes to the stored hash (constant-time comparison). */
  public boolean matches(String token, String storedHash) {
    return token != null && Sha256.sameHash(hash(token), storedHash);
  }
}
