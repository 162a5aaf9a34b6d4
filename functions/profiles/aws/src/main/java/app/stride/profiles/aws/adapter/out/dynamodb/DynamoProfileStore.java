package app.stride.profiles.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.aws.dynamodb.DynamoFailures;
import app.stride.aws.dynamodb.outbox.ItemOutbox;
import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.VersionConflictException;
import app.stride.profiles.application.port.out.ProfileStore;
import app.stride.profiles.domain.Profile;
import app.stride.profiles.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * The profile store of one region on DynamoDB, through the enhanced client ({@link ProfileItem} for
 * the item layout). Every method first checks the owner's home region against the region this store
 * serves.
 *
 * <p>Each write is a read followed by one conditional put on the item's {@code revision}: the read
 * carries over the still-pending events (a write never drops one) and checks the domain version;
 * the put loses with {@link VersionConflictException} if anyone wrote the item in between. No
 * transactions, no TTL calls: delete markers carry {@code expiresAt}, which the table's TTL setting
 * (infra) acts on.
 */
public final class DynamoProfileStore implements ProfileStore {
  /** How long a delete marker waits for its events to be published before TTL may remove it. */
  static final Duration MARKER_TTL = Duration.ofDays(30);

  private static final TableSchema<ProfileItem> SCHEMA = TableSchema.fromBean(ProfileItem.class);
  private static final int MARK_ATTEMPTS = 3;

  private final ConditionalWrites<ProfileItem> items;
  private final DynamoDbIndex<ProfileItem> outbox;
  private final ResidencyGuard guard;
  private final Clock clock;

  public DynamoProfileStore(
      DynamoDbEnhancedClient client, String tableName, RegionId region, Clock clock) {
    DynamoDbTable<ProfileItem> table = client.table(tableName, SCHEMA);
    this.items = new ConditionalWrites<>(table);
    this.outbox = table.index(ProfileItem.OUTBOX_INDEX);
    this.guard = new ResidencyGuard(region);
    this.clock = clock;
  }

  /** The table this store writes to (for local table creation). */
  public DynamoDbTable<ProfileItem> table() {
    return items.table();
  }

  @Override
  public Optional<Profile> load(UserId userId, RegionId home) {
    guard.requireHome(home);
    return read(userId).filter(item -> !isMarker(item)).map(ProfileItemMapper::toDomain);
  }

  @Override
  public void create(Profile profile, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    Optional<ProfileItem> current = read(profile.userId());
    if (current.isPresent() && !isMarker(current.get())) {
      throw new VersionConflictException("profile of " + profile.userId() + " already exists");
    }
    ProfileItem item = ProfileItemMapper.toItem(profile);
    item.setRevision(current.map(ProfileItem::getRevision).orElse(null));
    ItemOutbox.carryAndAdd(current.orElse(null), item, pending, clock.instant());
    items.putVersioned(item);
  }

  @Override
  public void replace(Profile profile, long expectedVersion, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    ProfileItem current = requireLive(profile.userId(), expectedVersion);
    ProfileItem item = ProfileItemMapper.toItem(profile);
    item.setRevision(current.getRevision());
    ItemOutbox.carryAndAdd(current, item, pending, clock.instant());
    items.putVersioned(item);
  }

  @Override
  public void delete(UserId userId, long expectedVersion, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    ProfileItem current = requireLive(userId, expectedVersion);
    ProfileItem marker = new ProfileItem();
    marker.setPk(current.getPk());
    marker.setSk(current.getSk());
    marker.setUserId(current.getUserId());
    marker.setVersion(current.getVersion());
    marker.setRevision(current.getRevision());
    marker.setDeleted(true);
    marker.setExpiresAt(clock.instant().plus(MARKER_TTL).getEpochSecond());
    ItemOutbox.carryAndAdd(current, marker, pending, clock.instant());
    items.putVersioned(marker);
  }

  /**
   * Clears the event; a delete marker left with no pending event is removed. Retries a few times
   * when a concurrent write changes the item in between.
   */
  @Override
  public void markPublished(UserId userId, String eventId, RegionId home) {
    guard.requireHome(home);
    for (int attempt = 1; ; attempt++) {
      try {
        clearPending(userId, eventId);
        return;
      } catch (VersionConflictException e) {
        if (attempt >= MARK_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  @Override
  public List<PendingEvent> pending(int limit, RegionId home) {
    guard.requireHome(home);
    record Entry(long createdAt, PendingEvent event) {}
    List<Entry> entries = new ArrayList<>();
    for (int shard = 0; shard < ItemOutbox.SHARDS; shard++) {
      for (ProfileItem item : oldestPending("outbox#" + shard, limit)) {
        UserId owner = new UserId(item.getUserId());
        item.getPendingEvents()
            .forEach(
                (id, event) ->
                    entries.add(
                        new Entry(
                            event.getCreatedAtMillis(),
                            new PendingEvent(owner, ItemOutbox.toEvent(id, event)))));
      }
    }
    return entries.stream()
        .sorted(Comparator.comparingLong(Entry::createdAt))
        .limit(limit)
        .map(Entry::event)
        .toList();
  }

  private void clearPending(UserId userId, String eventId) {
    Optional<ProfileItem> current = read(userId);
    if (current.isEmpty()) {
      return;
    }
    ProfileItem item = current.get();
    long revision = item.getRevision();
    if (!ItemOutbox.remove(item, eventId)) {
      return;
    }
    if (isMarker(item) && ItemOutbox.isEmpty(item)) {
      items.deleteIf(
          key(userId), ConditionalWrites.attributeEquals(ProfileItem.REVISION_ATTRIBUTE, revision));
    } else {
      items.putVersioned(item);
    }
  }

  private List<ProfileItem> oldestPending(String shard, int limit) {
    QueryEnhancedRequest request =
        QueryEnhancedRequest.builder()
            .queryConditional(
                QueryConditional.keyEqualTo(Key.builder().partitionValue(shard).build()))
            .scanIndexForward(true)
            .limit(limit)
            .build();
    return DynamoFailures.call(() -> outbox.query(request).iterator().next().items());
  }

  private ProfileItem requireLive(UserId userId, long expectedVersion) {
    ProfileItem current =
        read(userId)
            .filter(item -> !isMarker(item))
            .orElseThrow(() -> new VersionConflictException("profile of " + userId + " is gone"));
    if (current.getVersion() != expectedVersion) {
      throw new VersionConflictException(
          "profile of " + userId + " is at version " + current.getVersion());
    }
    return current;
  }

  private Optional<ProfileItem> read(UserId userId) {
    return items.get(key(userId));
  }

  private static Key key(UserId userId) {
    return Key.builder()
        .partitionValue(ProfileItem.partitionOf(userId.value()))
        .sortValue(ProfileItem.PROFILE_SK)
        .build();
  }

  private static boolean isMarker(ProfileItem item) {
    return Boolean.TRUE.equals(item.getDeleted());
  }
}
