package app.stride.auth.application.port.out;

import app.stride.auth.domain.RefreshToken;
import app.stride.auth.domain.SessionFamily;
import java.time.Instant;
import java.util.Optional;

/**
 * Sessions and their refresh tokens in one region. Expired items may linger until the store's TTL
 * removes them; callers check expiry themselves.
 */
public interface SessionStore {
  /** Stores a new session; fails with VersionConflictException when the id exists. */
  void startSession(SessionFamily family);

  Optional<SessionFamily> findSession(String familyId);

  /** Marks the session revoked at {@code now}; does nothing when it is absent or revoked. */
  void revokeSession(String familyId, Instant now);

  /** Stores a new refresh token; fails with VersionConflictException when the hash exists. */
  void saveToken(RefreshToken token);

  Optional<RefreshToken> findToken(String tokenHash);

  /**
   * Marks the token rotated at {@code now}, only if it was not rotated before.
   *
   * @return true when this call rotated it, false when it had already been rotated (a reuse, or two
   *     refreshes racing)
   */
  boolean markRotated(String tokenHash, Instant now);
}
