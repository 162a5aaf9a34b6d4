package app.stride.devices.aws.adapter.out.dynamodb;

import static app.stride.devices.aws.adapter.out.dynamodb.ConnectionConditions.held;

import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.aws.dynamodb.DynamoFailures;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ConnectionStore;
import app.stride.devices.application.port.out.ProviderAccountTakenException;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * The connection store of one region on DynamoDB, in the devices table ({@link ConnectionItem} and
 * {@link ConnectionClaimItem} for the layout). Every method first checks the owner's home region.
 *
 * <p>Single-item conditional writes only (DESIGN.md §4: dynalite has no TransactWriteItems), so the
 * claim and the connection are written in an order that is safe when a crash cuts it short:
 *
 * <ul>
 *   <li>save: the claim first (a put if absent or already the user's; an orphan past its lease is
 *       taken over on the lease read), then the connection (a plain put: a reconnect replaces it),
 *       then a re-read of the claim: if it was taken over meanwhile (a save slower than the lease),
 *       the connection is withdrawn and the save fails. Last, the claim of the account the user
 *       left, if any, is released. A failed save releases a claim its user does not use.
 *   <li>updateTokens: one put conditional on the version, the account and the connection time.
 *   <li>delete: the connection (conditional on what was read), then its claim.
 * </ul>
 *
 * A crash leaves at most a claim its holder's connection does not back: {@link #findByProviderUser}
 * reads it as absent, and another user takes it over once its lease passed.
 */
public final class DynamoConnectionStore implements ConnectionStore {
  /** How long a claim whose connection is missing counts as a save in flight. */
  public static final Duration CLAIM_LEASE = Duration.ofMinutes(15);

  private static final TableSchema<ConnectionItem> CONNECTIONS =
      TableSchema.fromBean(ConnectionItem.class);
  private static final TableSchema<ConnectionClaimItem> CLAIMS =
      TableSchema.fromBean(ConnectionClaimItem.class);
  private static final int ATTEMPTS = 3;
  private static final int MAX_PROVIDER_USER_ID = 128;

  private final DynamoDbTable<ConnectionItem> table;
  private final ConditionalWrites<ConnectionItem> connections;
  private final ConditionalWrites<ConnectionClaimItem> claims;
  private final ResidencyGuard guard;
  private final Clock clock;

  public DynamoConnectionStore(
      DynamoDbEnhancedClient client, String tableName, RegionId region, Clock clock) {
    this.table = client.table(tableName, CONNECTIONS);
    this.connections = new ConditionalWrites<>(table);
    this.claims = new ConditionalWrites<>(client.table(tableName, CLAIMS));
    this.guard = new ResidencyGuard(region);
    this.clock = clock;
  }

  @Override
  public Optional<Connection> find(UserId userId, Provider provider, RegionId home) {
    guard.requireHome(home);
    return read(userId, provider).map(ConnectionItemMapper::toDomain);
  }

  @Override
  public List<Connection> list(UserId userId, RegionId home) {
    guard.requireHome(home);
    QueryEnhancedRequest request =
        QueryEnhancedRequest.builder()
            .queryConditional(
                QueryConditional.sortBeginsWith(
                    Key.builder()
                        .partitionValue(userId.value())
                        .sortValue(ConnectionItemMapper.CONNECTION)
                        .build()))
            .consistentRead(true)
            .build();
    // Sort keys are CONNECTION#<wire>: the query returns them ordered by wire name.
    return DynamoFailures.call(
        () -> table.query(request).items().stream().map(ConnectionItemMapper::toDomain).toList());
  }

  @Override
  public Optional<Connection> findByProviderUser(
      Provider provider, String providerUserId, RegionId home) {
    guard.requireHome(home);
    if (!isAccountId(providerUserId)) {
      return Optional.empty();
    }
    return claims
        .get(ConnectionItemMapper.claimKey(provider, providerUserId))
        .flatMap(claim -> read(new UserId(claim.getClaimedUserId()), provider))
        .filter(item -> providerUserId.equals(item.getProviderUserId()))
        .map(ConnectionItemMapper::toDomain);
  }

  @Override
  public void save(Connection connection, RegionId home) {
    guard.requireHome(home);
    if (connection.version() != 1) {
      throw new IllegalArgumentException("a new connection has version 1");
    }
    UserId userId = connection.userId();
    Provider provider = connection.provider();
    Optional<ConnectionItem> previous = read(userId, provider);
    claim(provider, connection.providerUserId(), userId);
    ConnectionItem item = ConnectionItemMapper.toItem(connection);
    try {
      DynamoFailures.run(() -> table.putItem(item));
    } catch (RuntimeException e) {
      releaseIfUnused(provider, connection.providerUserId(), userId);
      throw e;
    }
    if (!heldBy(provider, connection.providerUserId(), userId)) {
      held(() -> connections.deleteIf(keyOf(item), written(item)));
      throw new ProviderAccountTakenException(provider);
    }
    previous
        .map(ConnectionItem::getProviderUserId)
        .filter(old -> !old.equals(connection.providerUserId()))
        .ifPresent(old -> release(provider, old, userId));
  }

  @Override
  public void updateTokens(Connection updated, RegionId home) {
    guard.requireHome(home);
    ConnectionItem item = ConnectionItemMapper.toItem(updated);
    try {
      connections.put(
          item,
          ConnectionConditions.refreshable(
              updated.version() - 1, item.getProviderUserId(), item.getConnectedAt()));
    } catch (VersionConflictException e) {
      throw new VersionConflictException(
          "the "
              + updated.provider().wire()
              + " connection is not at version "
              + (updated.version() - 1),
          e);
    }
  }

  @Override
  public Optional<Connection> delete(UserId userId, Provider provider, RegionId home) {
    guard.requireHome(home);
    for (int attempt = 1; ; attempt++) {
      Optional<ConnectionItem> current = read(userId, provider);
      if (current.isEmpty()) {
        return Optional.empty();
      }
      ConnectionItem item = current.get();
      if (held(() -> connections.deleteIf(keyOf(item), written(item)))) {
        release(provider, item.getProviderUserId(), userId);
        return Optional.of(ConnectionItemMapper.toDomain(item));
      }
      if (attempt >= ATTEMPTS) {
        throw new VersionConflictException(
            "the " + provider.wire() + " connection kept changing while being deleted");
      }
    }
  }

  /**
   * Claims the account for {@code claimant}, or renews the claimant's lease on it.
   *
   * @throws ProviderAccountTakenException when another user holds it, or a save in flight may
   */
  private void claim(Provider provider, String providerUserId, UserId claimant) {
    ConnectionClaimItem mine = new ConnectionClaimItem();
    mine.setUserId(ConnectionItemMapper.claimPartition(provider, providerUserId));
    mine.setSk(ConnectionItemMapper.CLAIM);
    mine.setClaimedUserId(claimant.value());
    mine.setClaimedAt(clock.millis());
    Key key = ConnectionItemMapper.claimKey(provider, providerUserId);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (held(() -> claims.put(mine, ConnectionConditions.absentOrHeldBy(claimant.value())))) {
        return;
      }
      Optional<ConnectionClaimItem> current = claims.get(key);
      if (current.isEmpty()) {
        continue;
      }
      ConnectionClaimItem other = current.get();
      if (!isOrphan(other, provider, providerUserId)) {
        throw new ProviderAccountTakenException(provider);
      }
      if (held(() -> claims.put(mine, ConnectionConditions.claimUnchanged(other)))) {
        return;
      }
    }
    throw new ProviderAccountTakenException(provider);
  }

  /** A claim past its lease whose holder's connection is missing or names another account. */
  private boolean isOrphan(ConnectionClaimItem claim, Provider provider, String providerUserId) {
    if (clock.millis() - claim.getClaimedAt() < CLAIM_LEASE.toMillis()) {
      return false;
    }
    return read(new UserId(claim.getClaimedUserId()), provider)
        .filter(item -> providerUserId.equals(item.getProviderUserId()))
        .isEmpty();
  }

  private boolean heldBy(Provider provider, String providerUserId, UserId userId) {
    return claims
        .get(ConnectionItemMapper.claimKey(provider, providerUserId))
        .filter(claim -> userId.value().equals(claim.getClaimedUserId()))
        .isPresent();
  }

  /** Releases the user's claim unless their stored connection uses it; best effort. */
  private void releaseIfUnused(Provider provider, String providerUserId, UserId userId) {
    try {
      if (read(userId, provider)
          .filter(item -> providerUserId.equals(item.getProviderUserId()))
          .isEmpty()) {
        release(provider, providerUserId, userId);
      }
    } catch (StoreUnavailableException e) {
      // Unreachable: the claim is an orphan now, and another user takes it over after its lease.
    }
  }

  /** Deletes the claim if {@code holder} still holds it; best effort. */
  private void release(Provider provider, String providerUserId, UserId holder) {
    try {
      held(
          () ->
              claims.deleteIf(
                  ConnectionItemMapper.claimKey(provider, providerUserId),
                  ConnectionConditions.heldBy(holder.value())));
    } catch (StoreUnavailableException e) {
      // Unreachable: the claim is an orphan now, and another user takes it over after its lease.
    }
  }

  private Optional<ConnectionItem> read(UserId userId, Provider provider) {
    return connections.get(ConnectionItemMapper.connectionKey(userId, provider));
  }

  private static Expression written(ConnectionItem item) {
    return ConnectionConditions.connectionAt(
        item.getVersion(), item.getProviderUserId(), item.getUpdatedAt());
  }

  private static Key keyOf(ConnectionItem item) {
    return Key.builder().partitionValue(item.getUserId()).sortValue(item.getSk()).build();
  }

  private static boolean isAccountId(String providerUserId) {
    return providerUserId != null
        && !providerUserId.isBlank()
        && providerUserId.length() <= MAX_PROVIDER_USER_ID;
  }
}
