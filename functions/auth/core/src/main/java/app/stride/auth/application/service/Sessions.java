package app.stride.auth.application.service;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.application.port.out.SessionStore;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.RefreshToken;
import app.stride.auth.domain.SessionFamily;
import app.stride.auth.domain.UserId;
import app.stride.auth.token.AccessTokenIssuer;
import app.stride.auth.token.IssuedAccessToken;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions: a login starts one (a family of refresh tokens); each refresh rotates the refresh
 * token; a rotated token presented again revokes the whole family, because only a thief would still
 * hold it. Sign-out ends one session, sign-out everywhere ends all of them by moving the account's
 * {@code sessionsValidAfter}.
 */
public final class Sessions {
  private static final Logger log = LoggerFactory.getLogger(Sessions.class);

  private final SessionStore sessions;
  private final AccountStore accounts;
  private final SigningKeys keys;
  private final AccessTokenIssuer issuer;
  private final RegionTokens tokens;
  private final AuthSettings settings;
  private final Clock clock;

  Sessions(
      SessionStore sessions,
      AccountStore accounts,
      SigningKeys keys,
      AccessTokenIssuer issuer,
      RegionTokens tokens,
      AuthSettings settings,
      Clock clock) {
    this.sessions = sessions;
    this.accounts = accounts;
    this.keys = keys;
    this.issuer = issuer;
    this.tokens = tokens;
    this.settings = settings;
    this.clock = clock;
  }

  /** Starts a session for an account that just proved who it is. */
  public TokenPair start(Account account, List<String> amr) {
    Instant now = clock.instant();
    // A session must start strictly after the account's last "end every session" cut, even when
    // the cut was made in the same clock tick (a password change starts the caller's new session).
    Instant startedAt =
        now.isAfter(account.sessionsValidAfter())
            ? now
            : account.sessionsValidAfter().plusNanos(1_000);
    SessionFamily family =
        new SessionFamily(
            UUID.randomUUID().toString(),
            account.id(),
            startedAt,
            now.plus(settings.sessionLifetime()),
            null);
    sessions.startSession(family);
    return issue(family, account.id(), amr, now);
  }

  /** Exchanges a refresh token for a new pair; the presented token is used up. */
  public TokenPair refresh(String refreshToken) {
    Instant now = clock.instant();
    String hash = tokens.hashIfOurs(refreshToken).orElseThrow(Sessions::invalidToken);
    RefreshToken stored =
        sessions.findToken(hash).filter(t -> !t.expiredAt(now)).orElseThrow(Sessions::invalidToken);
    if (stored.rotated().isPresent()) {
      revokeForReuse(stored, now);
      throw invalidToken();
    }
    SessionFamily family =
        sessions.findSession(stored.familyId()).orElseThrow(Sessions::invalidToken);
    Optional<Account> account = accounts.findById(stored.userId());
    if (family.revoked().isPresent()
        || !now.isBefore(family.expiresAt())
        || account.isEmpty()
        || !family.startedAt().isAfter(account.get().sessionsValidAfter())) {
      throw invalidToken();
    }
    if (!sessions.markRotated(hash, now)) {
      revokeForReuse(stored, now);
      throw invalidToken();
    }
    return issue(family, stored.userId(), stored.amr(), now);
  }

  /** Ends the session of this refresh token; an unknown token is quietly ignored. */
  public void logout(String refreshToken) {
    tokens
        .hashIfOurs(refreshToken)
        .flatMap(sessions::findToken)
        .ifPresent(t -> sessions.revokeSession(t.familyId(), clock.instant()));
  }

  /** Ends every session of the account, now. */
  public Account endAll(Account account) {
    Account next = account.withSessionsEndedAt(clock.instant());
    accounts.update(next, account.version());
    return next;
  }

  private TokenPair issue(SessionFamily family, UserId userId, List<String> amr, Instant now) {
    String refresh = tokens.mint();
    Instant expiry = now.plus(settings.refreshTokenLifetime());
    if (expiry.isAfter(family.expiresAt())) {
      expiry = family.expiresAt();
    }
    sessions.saveToken(
        new RefreshToken(tokens.hash(refresh), family.familyId(), userId, amr, now, expiry, null));
    IssuedAccessToken access = issuer.issue(keys.current(), userId.value(), settings.scopes(), amr);
    return new TokenPair(access.token(), access.expiresInSeconds(), refresh, settings.region());
  }

  private void revokeForReuse(RefreshToken reused, Instant now) {
    sessions.revokeSession(reused.familyId(), now);
    log.warn(
        "refresh token reuse detected: session {} of user {} revoked",
        reused.familyId(),
        reused.userId());
  }

  static ProblemException invalidToken() {
    return new ProblemException(
        ProblemType.INVALID_TOKEN, "The token is invalid, expired or already used.");
  }
}
