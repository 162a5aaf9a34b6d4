package app.stride.auth.aws.adapter.out.dynamodb;

import app.stride.auth.token.KeyRing;
import app.stride.auth.token.KeyRingStore;
import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The signing key ring of one region on DynamoDB: one {@link KeyRingItem} at {@code
 * KEYRING#<region>} in the region's auth table, so the private keys stay in the region. A save is
 * one conditional put: absent for the first ring ({@code expectedVersion = 0}), else {@code version
 * = expectedVersion}. The ring's stored form is never logged.
 */
public final class DynamoKeyRingStore implements KeyRingStore {
  private static final TableSchema<KeyRingItem> SCHEMA = TableSchema.fromBean(KeyRingItem.class);

  private final ConditionalWrites<KeyRingItem> items;
  private final ResidencyGuard guard;
  private final Clock clock;

  public DynamoKeyRingStore(DynamoDbEnhancedClient client, AuthTableConfig config, Clock clock) {
    this.items = new ConditionalWrites<>(client.table(config.tableName(), SCHEMA));
    this.guard = new ResidencyGuard(config.region());
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The table this store writes to (for local table creation). */
  public DynamoDbTable<KeyRingItem> table() {
    return items.table();
  }

  @Override
  public Optional<KeyRing> load(RegionId region) {
    guard.requireHome(region);
    return items.get(AuthKeys.key(pk(region))).map(item -> KeyRing.fromJson(item.getRing()));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when {@code ring.version()} is not {@code expectedVersion + 1}
   */
  @Override
  public void save(KeyRing ring, long expectedVersion) {
    guard.requireHome(ring.region());
    if (ring.version() != expectedVersion + 1) {
      throw new IllegalArgumentException("the saved ring's version must be expectedVersion + 1");
    }
    KeyRingItem item = new KeyRingItem();
    item.setPk(pk(ring.region()));
    item.setRegion(ring.region().value());
    item.setVersion(ring.version());
    item.setRing(ring.toJson());
    item.setSavedAt(clock.instant());
    items.put(
        item,
        expectedVersion == 0 ? Conditions.absent() : Conditions.equals("version", expectedVersion));
  }

  private static String pk(RegionId region) {
    return AuthKeys.KEYRING + region.value();
  }
}
