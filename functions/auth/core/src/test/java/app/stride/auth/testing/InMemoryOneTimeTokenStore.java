package app.stride.auth.testing;

import app.stride.auth.application.port.out.OneTimeTokenStore;
import app.stride.auth.domain.OneTimeToken;
import app.stride.core.store.VersionConflictException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link OneTimeTokenStore} in memory, for service tests. Thread-safe; like the cloud adapters an
 * expired token or one of another purpose is absent, exactly one caller can consume a token, and a
 * token dies at {@link OneTimeToken#MAX_FAILURES} wrong codes.
 */
public final class InMemoryOneTimeTokenStore implements OneTimeTokenStore {
  private final Map<String, OneTimeToken> tokens = new ConcurrentHashMap<>();

  @Override
  public void save(OneTimeToken token) {
    if (tokens.putIfAbsent(token.tokenHash(), token) != null) {
      throw new VersionConflictException("the one-time token exists");
    }
  }

  @Override
  public Optional<OneTimeToken> find(String tokenHash, OneTimeToken.Purpose purpose, Instant now) {
    return Optional.ofNullable(tokens.get(tokenHash)).filter(t -> usable(t, purpose, now));
  }

  @Override
  public Optional<OneTimeToken> consume(
      String tokenHash, OneTimeToken.Purpose purpose, Instant now) {
    AtomicReference<OneTimeToken> consumed = new AtomicReference<>();
    tokens.computeIfPresent(
        tokenHash,
        (hash, t) -> {
          if (!usable(t, purpose, now)) {
            return t;
          }
          consumed.set(t);
          return null;
        });
    return Optional.ofNullable(consumed.get());
  }

  /**
   * {@inheritDoc}
   *
   * <p>An unknown token counts as used up: the answer is {@link OneTimeToken#MAX_FAILURES}.
   */
  @Override
  public int recordFailure(String tokenHash) {
    AtomicInteger failures = new AtomicInteger(OneTimeToken.MAX_FAILURES);
    tokens.computeIfPresent(
        tokenHash,
        (hash, t) -> {
          int now = t.failures() + 1;
          failures.set(now);
          return now >= OneTimeToken.MAX_FAILURES
              ? null
              : new OneTimeToken(t.tokenHash(), t.purpose(), t.userId(), t.expiresAt(), now);
        });
    return failures.get();
  }

  private static boolean usable(OneTimeToken token, OneTimeToken.Purpose purpose, Instant now) {
    return token.purpose() == purpose && !token.expiredAt(now);
  }
}
