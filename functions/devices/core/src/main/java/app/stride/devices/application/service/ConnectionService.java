package app.stride.devices.application.service;

import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ConnectionStore;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.application.port.out.ProviderAccountTakenException;
import app.stride.devices.application.port.out.WorkQueue;
import app.stride.devices.connection.AuthorizationRequest;
import app.stride.devices.connection.ClientCredentials;
import app.stride.devices.connection.ConnectionSettings;
import app.stride.devices.connection.OAuthException;
import app.stride.devices.connection.OAuthStates;
import app.stride.devices.connection.ProviderAccountLookup;
import app.stride.devices.connection.ProviderEndpoints;
import app.stride.devices.connection.ProviderRevocations;
import app.stride.devices.connection.ProviderTokens;
import app.stride.devices.connection.RefreshPolicy;
import app.stride.devices.connection.Secret;
import app.stride.devices.connection.StateRejectedException;
import app.stride.devices.connection.TokenCipher;
import app.stride.devices.connection.TokenEndpoint;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connecting a user's provider account: the authorize URL with a {@code state} bound to the user
 * (and PKCE where the provider supports it), completing with the code the provider gave the app,
 * listing, disconnecting, the provider's own revocation, and handing the worker a valid access
 * token (refreshed shortly before expiry, the refresh written back conditionally so two workers
 * never lose a rotated refresh token).
 *
 * <p>An erased account ({@link ErasedAccounts}) cannot complete a connection: the completion is
 * refused before the code is exchanged, so no grant is obtained and no tokens are stored. A
 * completion that the erasure overtook (erased while the code was exchanged) removes the user's
 * connections again after storing its own, each grant's revocation queued, and is refused the same
 * way ({@link ErasedGuard}).
 */
public final class ConnectionService {
  private static final Logger log = LoggerFactory.getLogger(ConnectionService.class);

  private final ConnectionStore store;
  private final ConnectionSettings settings;
  private final TokenEndpoint oauth;
  private final TokenCipher cipher;
  private final ProviderAccountLookup accounts;
  private final RefreshPolicy refreshPolicy;
  private final ResidencyGuard guard;
  private final Clock clock;
  private final Optional<OAuthStates> states;
  private final ProviderRevocations revocations;
  private final WorkQueue queue;
  private final ErasedGuard erased;

  /**
   * @param revocations how providers take a grant back
   * @param queue where a disconnection's revocation is queued for the worker
   * @param erased the accounts erased here, whose connections are refused
   */
  public ConnectionService(
      ConnectionStore store,
      ConnectionSettings settings,
      TokenEndpoint oauth,
      TokenCipher cipher,
      ProviderAccountLookup accounts,
      RefreshPolicy refreshPolicy,
      ProviderRevocations revocations,
      WorkQueue queue,
      ErasedAccounts erased,
      RegionId servingRegion,
      Clock clock) {
    this.store = store;
    this.settings = settings;
    this.oauth = oauth;
    this.cipher = cipher;
    this.accounts = accounts;
    this.refreshPolicy = refreshPolicy;
    this.guard = new ResidencyGuard(servingRegion);
    this.clock = clock;
    this.states = settings.stateKey().map(OAuthStates::withDefaults);
    this.revocations = revocations;
    this.queue = queue;
    this.erased =
        new ErasedGuard(erased, servingRegion, user -> disconnectAll(user, servingRegion));
  }

  /** Whether this region offers connections to {@code provider}. */
  public boolean offers(Provider provider) {
    return states.isPresent() && settings.offers(provider);
  }

  /** Where to send the user to connect {@code provider}. */
  public AuthorizationRequest start(UserId user, RegionId home, Provider provider) {
    guard.requireHome(home);
    return AuthorizationRequest.build(
        endpoints(provider), client(provider), states.orElseThrow(), user, clock.instant());
  }

  /**
   * Completes a connection with the code and state the provider sent back to the app.
   *
   * @throws ProblemException {@code connection-rejected} (400) for a state that is forged, expired,
   *     another user's or another provider's, or a code the provider refuses; {@code conflict}
   *     (409) when another user connected this provider account; {@code dependency-unavailable}
   *     (503) when the provider cannot be reached; {@code unauthorized} (401) when the account was
   *     erased (nothing is exchanged or stored)
   */
  public Connection complete(
      UserId user, RegionId home, Provider provider, String code, String state) {
    guard.requireHome(home);
    return erased.request(user, () -> connect(user, home, provider, code, state));
  }

  private Connection connect(
      UserId user, RegionId home, Provider provider, String code, String state) {
    ProviderEndpoints endpoints = endpoints(provider);
    OAuthStates signer = states.orElseThrow();
    Instant now = clock.instant();
    try {
      signer.verify(state, user, provider, now);
    } catch (StateRejectedException e) {
      throw new ProblemException(
          ProblemType.CONNECTION_REJECTED,
          "The connection request is not valid for you any more ("
              + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-')
              + "); start connecting again.");
    }
    Optional<String> verifier =
        endpoints.pkce() ? Optional.of(signer.codeVerifier(state)) : Optional.empty();
    ProviderTokens tokens;
    String providerUserId;
    try {
      tokens = oauth.exchange(endpoints, client(provider), code, verifier, now);
      providerUserId =
          tokens.providerUserId() != null
              ? tokens.providerUserId()
              : accounts
                  .providerUserId(provider, tokens.accessToken())
                  .orElseThrow(
                      () ->
                          new OAuthException(
                              provider, OAuthException.Reason.MALFORMED_RESPONSE, 200, null));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          ProblemType.CONNECTION_REJECTED, "The authorization code is missing or too long.");
    } catch (OAuthException e) {
      throw problem(provider, e);
    }
    Connection connection =
        new Connection(
            user,
            provider,
            providerUserId,
            cipher.encrypt(tokens.accessToken(), user, provider),
            tokens.refresh().map(r -> cipher.encrypt(r, user, provider)).orElse(null),
            tokens.expiresAt(),
            tokens.scope(),
            now,
            now,
            1);
    try {
      store.save(connection, home);
    } catch (ProviderAccountTakenException e) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "This " + provider.wire() + " account is already connected to another Stride account.");
    }
    log.info("connection added provider={}", provider.wire());
    return connection;
  }

  /** The user's connections. */
  public List<Connection> list(UserId user, RegionId home) {
    guard.requireHome(home);
    return store.list(user, home);
  }

  /**
   * Disconnects the user from {@code provider}: their tokens are deleted at once and notifications
   * for the account are ignored from then on. When the provider has a way to take the grant back
   * ({@link ProviderRevocations}), the revocation is queued first, with the tokens still sealed,
   * for the worker to send ({@link ConnectionRevoker}); if it cannot be queued, nothing is deleted.
   *
   * @throws ProblemException {@code not-found} when the user has no such connection
   * @throws app.stride.core.store.StoreUnavailableException when the queue or the store cannot be
   *     reached (nothing was deleted)
   */
  public void disconnect(UserId user, RegionId home, Provider provider) {
    guard.requireHome(home);
    Connection connection =
        store
            .find(user, provider, home)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NOT_FOUND, "You have no " + provider.wire() + " connection."));
    boolean revoke = revocations.lookup(provider).isPresent();
    if (revoke) {
      QueuedRevocation message = QueuedRevocation.of(connection);
      queue.send(QueuedRevocation.KIND, message.deduplicationKey(), message.write());
    }
    store.delete(user, provider, home);
    log.info("connection removed provider={} by=user revocation={}", provider.wire(), revoke);
  }

  /**
   * Disconnects every connection of the user's, each as {@link #disconnect} does (a deleted
   * account); a connection removed meanwhile is skipped.
   *
   * @return how many connections were removed
   * @throws app.stride.core.store.StoreUnavailableException when the queue or the store cannot be
   *     reached (what was removed stays removed)
   */
  public int disconnectAll(UserId user, RegionId home) {
    int removed = 0;
    for (Connection connection : list(user, home)) {
      try {
        disconnect(user, home, connection.provider());
        removed++;
      } catch (ProblemException e) {
        if (!ProblemType.NOT_FOUND.uri().equals(e.problem().type())) {
          throw e;
        }
        // Removed meanwhile (the provider deauthorised us, or an earlier delivery of this event).
      }
    }
    return removed;
  }

  /** The provider says the user revoked our access: forget the connection and its tokens. */
  public boolean deauthorized(Provider provider, String providerUserId, RegionId home) {
    guard.requireHome(home);
    Optional<Connection> connection = store.findByProviderUser(provider, providerUserId, home);
    connection.ifPresent(c -> store.delete(c.userId(), provider, home));
    connection.ifPresent(
        c -> log.info("connection removed provider={} by=provider", provider.wire()));
    return connection.isPresent();
  }

  /**
   * Whether a provider account's stored access token is {@code accessToken} (Garmin's pushes carry
   * the user's token as their proof): compared in constant time after decryption.
   */
  public boolean holdsToken(
      Provider provider, String providerUserId, String accessToken, RegionId home) {
    guard.requireHome(home);
    if (accessToken == null || accessToken.isEmpty()) {
      return false;
    }
    return store
        .findByProviderUser(provider, providerUserId, home)
        .map(c -> cipher.decrypt(c.accessToken(), c.userId(), provider))
        .map(stored -> stored.matches(accessToken))
        .orElse(false);
  }

  /** The connection holding a provider account, if any (a webhook names the provider's user). */
  public Optional<Connection> byProviderUser(
      Provider provider, String providerUserId, RegionId home) {
    guard.requireHome(home);
    return store.findByProviderUser(provider, providerUserId, home);
  }

  /**
   * A usable access token of a connection, refreshed first when it expires within the refresh
   * policy's margin (or when {@code force}, after the provider refused the current one).
   *
   * @throws OAuthException {@code REJECTED} when the provider refuses the refresh (the user must
   *     connect again), {@code UNAVAILABLE} when it cannot be reached
   */
  public Secret accessToken(Connection connection, RegionId home, boolean force) {
    guard.requireHome(home);
    ProviderTokens tokens = decrypt(connection);
    Instant now = clock.instant();
    if (!force && !refreshPolicy.due(tokens, now)) {
      return tokens.accessToken();
    }
    Provider provider = connection.provider();
    if (tokens.refresh().isEmpty()) {
      // Nothing to refresh with (Polar's tokens are long-lived): the user must connect again.
      throw new OAuthException(provider, OAuthException.Reason.REJECTED, 0, "no_refresh_token");
    }
    if (!settings.offers(provider)) {
      // Our client at the provider is not configured here (yet): a deployment fault, retried.
      throw new OAuthException(provider, OAuthException.Reason.UNAVAILABLE, 0, null);
    }
    ProviderTokens refreshed = oauth.refresh(endpoints(provider), client(provider), tokens, now);
    Connection updated =
        connection.withTokens(
            cipher.encrypt(refreshed.accessToken(), connection.userId(), provider),
            refreshed
                .refresh()
                .map(r -> cipher.encrypt(r, connection.userId(), provider))
                .orElse(null),
            refreshed.expiresAt(),
            now);
    try {
      store.updateTokens(updated, home);
      return refreshed.accessToken();
    } catch (VersionConflictException raced) {
      // Another worker refreshed first; its tokens are the valid ones (ours may be revoked by
      // the rotation). Use what is stored now.
      return store
          .find(connection.userId(), provider, home)
          .map(current -> decrypt(current).accessToken())
          .orElseThrow(() -> new OAuthException(provider, OAuthException.Reason.REJECTED, 0, null));
    }
  }

  private ProviderTokens decrypt(Connection connection) {
    UserId user = connection.userId();
    Provider provider = connection.provider();
    return new ProviderTokens(
        cipher.decrypt(connection.accessToken(), user, provider),
        connection.refresh().map(r -> cipher.decrypt(r, user, provider)).orElse(null),
        connection.expiresAt(),
        connection.scope(),
        connection.providerUserId());
  }

  private ProviderEndpoints endpoints(Provider provider) {
    if (!offers(provider)) {
      throw new ProblemException(
          ProblemType.NOT_FOUND, "Connections to " + provider.wire() + " are not offered here.");
    }
    return settings.endpoints(provider).orElseThrow();
  }

  private ClientCredentials client(Provider provider) {
    return settings.client(provider).orElseThrow();
  }

  private static ProblemException problem(Provider provider, OAuthException e) {
    return switch (e.reason()) {
      case REJECTED ->
          new ProblemException(
              ProblemType.CONNECTION_REJECTED,
              provider.wire() + " refused the authorization; start connecting again.",
              e);
      case UNAVAILABLE, MALFORMED_RESPONSE ->
          new ProblemException(
              Problem.of(
                  ProblemType.DEPENDENCY_UNAVAILABLE,
                  "The provider cannot be reached right now; try again in a minute."),
              Map.of("Retry-After", "30"),
              e);
    };
  }
}
