package app.stride.devices.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.aws.dynamodb.DynamoFailures;
import app.stride.aws.dynamodb.PartitionEraser;
import app.stride.aws.dynamodb.outbox.ItemOutbox;
import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ActivityOutboxPort;
import app.stride.devices.application.port.out.ActivityOutboxPort.PendingEvent;
import app.stride.devices.application.port.out.ActivityStore;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ActivitySource;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The activity store of one region on DynamoDB, through the enhanced client ({@link ActivityItem}
 * and {@link SourceClaimItem} for the layout). Every method first checks the owner's home region
 * against the region served.
 *
 * <p>Writes are single-item conditional puts, no transactions (DESIGN.md §4). A provider record
 * (provider + external id) belongs to at most one activity through its claim item: a create or an
 * update that adds sources first claims each new source (a put that fails if another live claim
 * exists), then puts the activity (create: only if absent; update: on the revision read, after
 * checking the domain version). When the activity put loses, the claims just written are released.
 * A crash between the two leaves a claim naming an activity that does not list the source: readers
 * treat it as absent, and a writer takes it over once it is older than {@link #CLAIM_GRACE} (within
 * the grace it may be a write still in flight, so the writer gets a conflict and retries later).
 *
 * <p>{@code startingBetween} queries the {@value ActivityItem#BY_START} index newest first; the
 * relay reads pending events through the sparse {@value ActivityItem#OUTBOX_INDEX} index.
 *
 * <p>{@code eraseActivities} deletes the user's activity items (their laps and pending events are
 * attributes of the item, and the indexes follow the item) and then their source claims, each kind
 * through a query of the user's own partition ({@link PartitionEraser}); activities first, so while
 * an activity is still there its claim is too.
 */
public final class DynamoActivityStore implements ActivityStore, ActivityOutboxPort {
  /** How long a claim naming an activity that lacks its source counts as a write in flight. */
  public static final Duration CLAIM_GRACE = Duration.ofMinutes(15);

  private static final TableSchema<ActivityItem> ACTIVITIES =
      TableSchema.fromBean(ActivityItem.class);
  private static final TableSchema<SourceClaimItem> CLAIMS =
      TableSchema.fromBean(SourceClaimItem.class);
  private static final int MARK_ATTEMPTS = 3;

  private final ConditionalWrites<ActivityItem> activities;
  private final ConditionalWrites<SourceClaimItem> claims;
  private final DynamoDbIndex<ActivityItem> byStart;
  private final DynamoDbIndex<ActivityItem> outbox;
  private final PartitionEraser eraser;
  private final ResidencyGuard guard;
  private final Clock clock;

  public DynamoActivityStore(
      DynamoDbEnhancedClient client, String tableName, RegionId region, Clock clock) {
    DynamoDbTable<ActivityItem> table = client.table(tableName, ACTIVITIES);
    this.activities = new ConditionalWrites<>(table);
    this.claims = new ConditionalWrites<>(client.table(tableName, CLAIMS));
    this.byStart = table.index(ActivityItem.BY_START);
    this.outbox = table.index(ActivityItem.OUTBOX_INDEX);
    this.eraser = new PartitionEraser(client);
    this.guard = new ResidencyGuard(region);
    this.clock = clock;
  }

  /** The devices table, with the indexes its schema declares (for local table creation). */
  public DynamoDbTable<ActivityItem> table() {
    return activities.table();
  }

  @Override
  public Optional<Activity> find(UserId userId, ActivityId id, RegionId home) {
    guard.requireHome(home);
    return read(userId, id.value()).map(ActivityItemMapper::toDomain);
  }

  @Override
  public List<Activity> startingBetween(UserId userId, Instant from, Instant to, RegionId home) {
    guard.requireHome(home);
    if (!from.isBefore(to)) {
      return List.of();
    }
    // BETWEEN is inclusive: "<from>" sorts before every key starting at from, and "<to>" after
    // every key starting before to but before "<to>#<id>", so the range is [from, to).
    QueryConditional range =
        QueryConditional.sortBetween(
            Key.builder().partitionValue(userId.value()).sortValue(SortKeys.instant(from)).build(),
            Key.builder().partitionValue(userId.value()).sortValue(SortKeys.instant(to)).build());
    QueryEnhancedRequest request =
        QueryEnhancedRequest.builder()
            .queryConditional(range)
            .scanIndexForward(false)
            .limit(DEDUP_SCAN_LIMIT)
            .build();
    return DynamoFailures.call(
        () ->
            byStart.query(request).stream()
                .flatMap(page -> page.items().stream())
                .limit(DEDUP_SCAN_LIMIT)
                .map(ActivityItemMapper::toDomain)
                .toList());
  }

  @Override
  public Optional<Activity> findBySource(
      UserId userId, Provider provider, String externalId, RegionId home) {
    guard.requireHome(home);
    return claims
        .get(key(userId.value(), SortKeys.source(provider, externalId)))
        .flatMap(claim -> read(userId, claim.getClaimedActivityId()))
        .filter(item -> ActivityItemMapper.hasSource(item, provider, externalId))
        .map(ActivityItemMapper::toDomain);
  }

  @Override
  public void create(Activity activity, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    ActivityItem item = ActivityItemMapper.toItem(activity);
    ItemOutbox.carryAndAdd(null, item, pending, clock.instant());
    List<SourceClaimItem> claimed = claimSources(activity, activity.sources());
    try {
      activities.putVersioned(item);
    } catch (VersionConflictException e) {
      release(claimed);
      throw new VersionConflictException("activity " + activity.id() + " exists", e);
    }
  }

  @Override
  public void update(Activity activity, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    ActivityItem current =
        read(activity.userId(), activity.id().value())
            .orElseThrow(
                () -> new VersionConflictException("activity " + activity.id() + " is gone"));
    if (current.getVersion() != activity.version() - 1) {
      throw new VersionConflictException(
          "activity " + activity.id() + " is at version " + current.getVersion());
    }
    Activity stored = ActivityItemMapper.toDomain(current);
    List<ActivitySource> added =
        activity.sources().stream().filter(s -> !stored.hasSource(s)).toList();
    List<SourceClaimItem> claimed = claimSources(activity, added);
    ActivityItem item = ActivityItemMapper.toItem(activity);
    item.setRevision(current.getRevision());
    ItemOutbox.carryAndAdd(current, item, pending, clock.instant());
    try {
      activities.putVersioned(item);
    } catch (VersionConflictException e) {
      release(claimed);
      throw e;
    }
  }

  /**
   * Deletes the user's activities, then their source claims, in batches ({@link PartitionEraser});
   * returns how many activities it deleted. Pending events go with their activity unpublished: the
   * account is gone.
   */
  @Override
  public int eraseActivities(UserId userId, RegionId home) {
    guard.requireHome(home);
    int erased = eraser.erase(activities.table(), userId.value(), SortKeys.ACTIVITY);
    eraser.erase(claims.table(), userId.value(), SortKeys.SOURCE);
    return erased;
  }

  /**
   * Up to {@code limit} events still waiting in activity outboxes, oldest first (the relay's
   * input).
   */
  @Override
  public List<PendingEvent> pending(int limit, RegionId home) {
    guard.requireHome(home);
    record Entry(long createdAt, PendingEvent event) {}
    List<Entry> entries = new ArrayList<>();
    for (int shard = 0; shard < ItemOutbox.SHARDS; shard++) {
      for (ActivityItem item : oldestPending("outbox#" + shard, limit)) {
        UserId owner = new UserId(item.getUserId());
        ActivityId id = new ActivityId(item.getActivityId());
        item.getPendingEvents()
            .forEach(
                (eventId, event) ->
                    entries.add(
                        new Entry(
                            event.getCreatedAtMillis(),
                            new PendingEvent(owner, id, ItemOutbox.toEvent(eventId, event)))));
      }
    }
    return entries.stream()
        .sorted(Comparator.comparingLong(Entry::createdAt))
        .limit(limit)
        .map(Entry::event)
        .toList();
  }

  /** Removes a published event from its activity's outbox; nothing when it is not there. */
  @Override
  public void markPublished(UserId userId, ActivityId activityId, String eventId, RegionId home) {
    guard.requireHome(home);
    for (int attempt = 1; ; attempt++) {
      try {
        Optional<ActivityItem> current = read(userId, activityId.value());
        if (current.isEmpty() || !ItemOutbox.remove(current.get(), eventId)) {
          return;
        }
        activities.putVersioned(current.get());
        return;
      } catch (VersionConflictException e) {
        if (attempt >= MARK_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Claims every source with an external id; the claims written (for a release). */
  private List<SourceClaimItem> claimSources(Activity activity, List<ActivitySource> sources) {
    List<SourceClaimItem> written = new ArrayList<>();
    try {
      for (ActivitySource source : sources) {
        if (source.externalId() != null) {
          claim(activity, source).ifPresent(written::add);
        }
      }
    } catch (VersionConflictException e) {
      release(written);
      throw e;
    }
    return written;
  }

  private Optional<SourceClaimItem> claim(Activity activity, ActivitySource source) {
    String userId = activity.userId().value();
    String sortKey = SortKeys.source(source.provider(), source.externalId());
    Optional<SourceClaimItem> existing = claims.get(key(userId, sortKey));
    if (existing.isPresent()) {
      SourceClaimItem held = existing.get();
      if (activity.id().value().equals(held.getClaimedActivityId())) {
        return Optional.empty();
      }
      if (!isStale(activity.userId(), held, source)) {
        throw new VersionConflictException(
            "a " + source.provider().wire() + " record is already an activity's source");
      }
    }
    SourceClaimItem item = new SourceClaimItem();
    item.setUserId(userId);
    item.setSk(sortKey);
    item.setClaimedActivityId(activity.id().value());
    item.setClaimedAt(clock.millis());
    item.setRevision(existing.map(SourceClaimItem::getRevision).orElse(null));
    claims.putVersioned(item);
    return Optional.of(item);
  }

  /** Whether a claim is left over: old enough and its activity does not list the source. */
  private boolean isStale(UserId userId, SourceClaimItem held, ActivitySource source) {
    if (clock.millis() - held.getClaimedAt() < CLAIM_GRACE.toMillis()) {
      return false;
    }
    return read(userId, held.getClaimedActivityId())
        .filter(item -> ActivityItemMapper.hasSource(item, source.provider(), source.externalId()))
        .isEmpty();
  }

  /** Deletes claims this call wrote, unless someone took them over since; best effort. */
  private void release(List<SourceClaimItem> written) {
    for (SourceClaimItem claim : written) {
      Expression stillOurs =
          Expression.builder()
              .expression("#id = :id AND #at = :at")
              .expressionNames(Map.of("#id", "claimedActivityId", "#at", "claimedAt"))
              .expressionValues(
                  Map.of(
                      ":id", AttributeValue.fromS(claim.getClaimedActivityId()),
                      ":at", AttributeValue.fromN(Long.toString(claim.getClaimedAt()))))
              .build();
      try {
        claims.deleteIf(key(claim.getUserId(), claim.getSk()), stillOurs);
      } catch (VersionConflictException | StoreUnavailableException e) {
        // Taken over, or unreachable: a claim whose activity lacks the source goes stale anyway.
      }
    }
  }

  private List<ActivityItem> oldestPending(String shard, int limit) {
    QueryEnhancedRequest request =
        QueryEnhancedRequest.builder()
            .queryConditional(
                QueryConditional.keyEqualTo(Key.builder().partitionValue(shard).build()))
            .scanIndexForward(true)
            .limit(limit)
            .build();
    return DynamoFailures.call(() -> outbox.query(request).iterator().next().items());
  }

  private Optional<ActivityItem> read(UserId userId, String activityId) {
    return activities.get(key(userId.value(), SortKeys.ACTIVITY + activityId));
  }

  private static Key key(String userId, String sortKey) {
    return Key.builder().partitionValue(userId).sortValue(sortKey).build();
  }
}
