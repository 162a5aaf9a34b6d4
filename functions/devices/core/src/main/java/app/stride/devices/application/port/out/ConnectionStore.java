package app.stride.devices.application.port.out;

import app.stride.core.region.RegionId;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The users' provider connections in the serving region's store. A provider account is claimed by
 * at most one user: {@link #save} claims {@code (provider, providerUserId)} before it writes the
 * connection (and withdraws the connection when the claim was lost meanwhile), so a webhook naming
 * the provider's user finds exactly one of ours; a claim a crash left without its connection counts
 * as absent. Every method refuses a foreign {@code home}; every method may throw {@link
 * app.stride.core.store.StoreUnavailableException}.
 */
public interface ConnectionStore {
  /** The user's connection to {@code provider}, if any. */
  Optional<Connection> find(UserId userId, Provider provider, RegionId home);

  /** The user's connections, ordered by provider wire name. */
  List<Connection> list(UserId userId, RegionId home);

  /** The connection holding the provider's account {@code providerUserId}, if any. */
  Optional<Connection> findByProviderUser(Provider provider, String providerUserId, RegionId home);

  /**
   * Stores a new connection (version 1), replacing the user's earlier connection to the same
   * provider (a reconnect) and releasing that one's claim when the provider account changed.
   *
   * @throws ProviderAccountTakenException when another user holds this provider account; nothing is
   *     written then
   */
  void save(Connection connection, RegionId home);

  /**
   * Replaces the tokens after a refresh: {@code updated.version()} must be the stored version + 1.
   *
   * @throws app.stride.core.store.VersionConflictException when the stored version is not {@code
   *     updated.version() - 1} (another refresh won, or the user disconnected)
   */
  void updateTokens(Connection updated, RegionId home);

  /** Removes the user's connection to {@code provider} and its claim; returns what was removed. */
  Optional<Connection> delete(UserId userId, Provider provider, RegionId home);
}
