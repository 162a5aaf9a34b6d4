package app.stride.auth.testing;

import app.stride.auth.application.port.out.SessionStore;
import app.stride.auth.domain.RefreshToken;
import app.stride.auth.domain.SessionFamily;
import app.stride.core.store.VersionConflictException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link SessionStore} in memory, for service tests. Thread-safe; like the cloud adapters it
 * keeps expired items (callers check expiry) and lets exactly one caller rotate a refresh token.
 */
public final class InMemorySessionStore implements SessionStore {
  private final Map<String, SessionFamily> sessions = new ConcurrentHashMap<>();
  private final Map<String, RefreshToken> tokens = new ConcurrentHashMap<>();

  @Override
  public void startSession(SessionFamily family) {
    if (sessions.putIfAbsent(family.familyId(), family) != null) {
      throw new VersionConflictException("the session exists");
    }
  }

  @Override
  public Optional<SessionFamily> findSession(String familyId) {
    return Optional.ofNullable(sessions.get(familyId));
  }

  @Override
  public void revokeSession(String familyId, Instant now) {
    sessions.computeIfPresent(
        familyId,
        (id, s) ->
            s.revokedAt() != null
                ? s
                : new SessionFamily(s.familyId(), s.userId(), s.startedAt(), s.expiresAt(), now));
  }

  @Override
  public void saveToken(RefreshToken token) {
    if (tokens.putIfAbsent(token.tokenHash(), token) != null) {
      throw new VersionConflictException("the refresh token exists");
    }
  }

  @Override
  public Optional<RefreshToken> findToken(String tokenHash) {
    return Optional.ofNullable(tokens.get(tokenHash));
  }

  @Override
  public boolean markRotated(String tokenHash, Instant now) {
    AtomicBoolean won = new AtomicBoolean();
    tokens.computeIfPresent(
        tokenHash,
        (hash, t) -> {
          if (t.rotatedAt() != null) {
            return t;
          }
          won.set(true);
          return new RefreshToken(
              t.tokenHash(), t.familyId(), t.userId(), t.amr(), t.issuedAt(), t.expiresAt(), now);
        });
    return won.get();
  }
}
