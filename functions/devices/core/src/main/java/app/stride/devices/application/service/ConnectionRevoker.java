package app.stride.devices.application.service;

import app.stride.core.region.RegionId;
import app.stride.devices.application.port.out.ConnectionStore;
import app.stride.devices.connection.ConnectionSettings;
import app.stride.devices.connection.OAuthException;
import app.stride.devices.connection.ProviderRevocation;
import app.stride.devices.connection.ProviderRevocations;
import app.stride.devices.connection.ProviderTokens;
import app.stride.devices.connection.RefreshPolicy;
import app.stride.devices.connection.RevocationClient;
import app.stride.devices.connection.Secret;
import app.stride.devices.connection.TokenCipher;
import app.stride.devices.connection.TokenEndpoint;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's half of disconnecting: tells the provider to take back the grant of a connection the
 * user removed ({@link QueuedRevocation}), so it stops sending their data and our tokens die with
 * the connection.
 *
 * <p>Nothing is revoked while the same provider account is connected again (most providers revoke
 * per user and app, so revoking the old grant would cut off the new connection). While the removed
 * connection itself is still stored, its removal is in flight: the message is retried. An access
 * token that has expired is refreshed first (not stored: the connection is gone); a refresh the
 * provider refuses means the grant is gone already. Unreachable providers are retried by the queue;
 * answers that can never succeed are logged and dropped.
 */
public final class ConnectionRevoker {
  private static final Logger log = LoggerFactory.getLogger(ConnectionRevoker.class);

  private final ConnectionStore store;
  private final TokenCipher cipher;
  private final ConnectionSettings settings;
  private final TokenEndpoint oauth;
  private final ProviderRevocations revocations;
  private final RevocationClient client;
  private final RefreshPolicy refreshPolicy;
  private final RegionId region;
  private final Clock clock;

  public ConnectionRevoker(
      ConnectionStore store,
      TokenCipher cipher,
      ConnectionSettings settings,
      TokenEndpoint oauth,
      ProviderRevocations revocations,
      RevocationClient client,
      RefreshPolicy refreshPolicy,
      RegionId region,
      Clock clock) {
    this.store = store;
    this.cipher = cipher;
    this.settings = settings;
    this.oauth = oauth;
    this.revocations = revocations;
    this.client = client;
    this.refreshPolicy = refreshPolicy;
    this.region = region;
    this.clock = clock;
  }

  /** What became of a revocation. */
  public enum Outcome {
    /** The provider took the grant back. */
    REVOKED,
    /** The provider had no grant any more. */
    ALREADY_GONE,
    /** Nothing was sent: the account is connected again, or the provider has no way. */
    SKIPPED,
    /** The provider refused; it will not change its mind. */
    REFUSED
  }

  /**
   * Revokes one removed connection's grant.
   *
   * @throws OAuthException {@code UNAVAILABLE} when the provider cannot be reached
   * @throws IllegalStateException while the removed connection is still stored (retry)
   */
  public Outcome revoke(QueuedRevocation message) {
    Provider provider = message.provider();
    Optional<ProviderRevocation> revocation = revocations.lookup(provider);
    if (revocation.isEmpty()) {
      return skipped(message, "the provider has no revocation endpoint");
    }
    Optional<Connection> same = store.find(message.userId(), provider, region);
    if (same.isPresent() && same.get().connectedAt().equals(message.connectedAt())) {
      throw new IllegalStateException("the connection is still stored; its removal is in flight");
    }
    if (same.filter(c -> c.providerUserId().equals(message.providerUserId())).isPresent()
        || store.findByProviderUser(provider, message.providerUserId(), region).isPresent()) {
      return skipped(message, "the provider account is connected again");
    }
    Optional<Secret> token = token(message, revocation.get());
    if (token.isEmpty()) {
      return outcome(message, Outcome.ALREADY_GONE);
    }
    RevocationClient.Result result;
    try {
      result = client.revoke(revocation.get(), token.get(), message.providerUserId());
    } catch (IllegalArgumentException e) {
      return outcome(message, Outcome.REFUSED);
    }
    return outcome(
        message,
        switch (result) {
          case REVOKED -> Outcome.REVOKED;
          case ALREADY_GONE -> Outcome.ALREADY_GONE;
          case REFUSED -> Outcome.REFUSED;
        });
  }

  /** The token to revoke with, or empty when the provider refused to refresh an expired one. */
  private Optional<Secret> token(QueuedRevocation message, ProviderRevocation revocation) {
    UserId user = message.userId();
    Provider provider = message.provider();
    Secret refresh =
        message.refreshToken() == null
            ? null
            : cipher.decrypt(message.refreshToken(), user, provider);
    if (revocation.token() == ProviderRevocation.TokenPlacement.FORM_TOKEN && refresh != null) {
      // RFC 7009 takes either token; the refresh token outlives the access token.
      return Optional.of(refresh);
    }
    ProviderTokens tokens =
        new ProviderTokens(
            cipher.decrypt(message.accessToken(), user, provider),
            refresh,
            message.expiresAt(),
            null,
            message.providerUserId());
    Instant now = clock.instant();
    if (!refreshPolicy.due(tokens, now) || refresh == null || !settings.offers(provider)) {
      return Optional.of(tokens.accessToken());
    }
    try {
      return Optional.of(
          oauth
              .refresh(
                  settings.endpoints(provider).orElseThrow(),
                  settings.client(provider).orElseThrow(),
                  tokens,
                  now)
              .accessToken());
    } catch (OAuthException e) {
      if (e.reason() == OAuthException.Reason.UNAVAILABLE) {
        throw e;
      }
      return Optional.empty();
    }
  }

  private static Outcome skipped(QueuedRevocation message, String why) {
    log.info("provider={} revocation skipped: {}", message.provider().wire(), why);
    return Outcome.SKIPPED;
  }

  private static Outcome outcome(QueuedRevocation message, Outcome outcome) {
    log.info(
        "provider={} revocation={}",
        message.provider().wire(),
        outcome.name().toLowerCase(Locale.ROOT));
    return outcome;
  }
}
