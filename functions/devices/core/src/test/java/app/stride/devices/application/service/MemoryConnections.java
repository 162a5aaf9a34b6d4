package app.stride.devices.application.service;

import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ConnectionStore;
import app.stride.devices.application.port.out.ProviderAccountTakenException;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory {@link ConnectionStore} for use-case tests (the adapters have their own ITs). */
public final class MemoryConnections implements ConnectionStore {
  private final Map<String, Connection> byUser = new HashMap<>();
  private final Map<String, UserId> claims = new HashMap<>();

  @Override
  public synchronized Optional<Connection> find(UserId userId, Provider provider, RegionId home) {
    return Optional.ofNullable(byUser.get(key(userId, provider)));
  }

  @Override
  public synchronized List<Connection> list(UserId userId, RegionId home) {
    return byUser.values().stream()
        .filter(c -> c.userId().equals(userId))
        .sorted(Comparator.comparing(c -> c.provider().wire()))
        .toList();
  }

  @Override
  public synchronized Optional<Connection> findByProviderUser(
      Provider provider, String providerUserId, RegionId home) {
    UserId owner = claims.get(claim(provider, providerUserId));
    return owner == null ? Optional.empty() : find(owner, provider, home);
  }

  @Override
  public synchronized void save(Connection connection, RegionId home) {
    String claim = claim(connection.provider(), connection.providerUserId());
    UserId owner = claims.get(claim);
    if (owner != null && !owner.equals(connection.userId())) {
      throw new ProviderAccountTakenException(connection.provider());
    }
    Connection earlier = byUser.get(key(connection.userId(), connection.provider()));
    if (earlier != null) {
      claims.remove(claim(earlier.provider(), earlier.providerUserId()));
    }
    claims.put(claim, connection.userId());
    byUser.put(key(connection.userId(), connection.provider()), connection);
  }

  @Override
  public synchronized void updateTokens(Connection updated, RegionId home) {
    Connection stored = byUser.get(key(updated.userId(), updated.provider()));
    if (stored == null || stored.version() != updated.version() - 1) {
      throw new VersionConflictException("connection changed");
    }
    byUser.put(key(updated.userId(), updated.provider()), updated);
  }

  @Override
  public synchronized Optional<Connection> delete(UserId userId, Provider provider, RegionId home) {
    Connection removed = byUser.remove(key(userId, provider));
    if (removed != null) {
      claims.remove(claim(provider, removed.providerUserId()));
    }
    return Optional.ofNullable(removed);
  }

  private static String key(UserId user, Provider provider) {
    return user.value() + "|" + provider.wire();
  }

  private static String claim(Provider provider, String providerUserId) {
    return provider.wire() + "|" + providerUserId;
  }
}
