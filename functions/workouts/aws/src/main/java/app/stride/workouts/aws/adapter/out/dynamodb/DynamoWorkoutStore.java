package app.stride.workouts.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.aws.dynamodb.CursorCodec;
import app.stride.aws.dynamodb.DynamoFailures;
import app.stride.aws.dynamodb.PartitionEraser;
import app.stride.aws.dynamodb.outbox.ItemOutbox;
import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.Page;
import app.stride.core.store.VersionConflictException;
import app.stride.workouts.application.port.out.HistoryQuery;
import app.stride.workouts.application.port.out.WorkoutStore;
import app.stride.workouts.domain.UserId;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutId;
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
 * The workout store of one region on DynamoDB, through the enhanced client ({@link WorkoutItem} for
 * the layout). Every method first checks the owner's home region against the region served.
 *
 * <p>Each write is a read followed by one conditional put on the item's {@code revision}: the read
 * carries over still-pending events and checks the domain version; the put loses with {@link
 * VersionConflictException} to anyone who wrote in between. History and overlap checks query the
 * {@value WorkoutItem#BY_START_TIME} index newest first; history pages continue after the last
 * returned item's key, sealed by {@link CursorCodec} with the user and the filters as scope. No
 * transactions, no TTL calls.
 *
 * <p>Erasing a deleted user ({@link #eraseAll}) removes their whole partition, pending events
 * included, by unconditional batched deletes ({@link PartitionEraser}).
 */
public final class DynamoWorkoutStore implements WorkoutStore {
  /** How long a delete marker waits for its events before TTL may remove it. */
  static final Duration MARKER_TTL = Duration.ofDays(30);

  private static final TableSchema<WorkoutItem> SCHEMA = TableSchema.fromBean(WorkoutItem.class);
  private static final TableSchema<IdempotencyItem> CLAIMS =
      TableSchema.fromBean(IdempotencyItem.class);
  private static final int MARK_ATTEMPTS = 3;

  private final ConditionalWrites<WorkoutItem> items;
  private final ConditionalWrites<IdempotencyItem> claims;
  private final DynamoDbIndex<WorkoutItem> byStart;
  private final DynamoDbIndex<WorkoutItem> outbox;
  private final CursorCodec cursors;
  private final PartitionEraser eraser;
  private final ResidencyGuard guard;
  private final Clock clock;

  public DynamoWorkoutStore(
      DynamoDbEnhancedClient client,
      String tableName,
      CursorCodec cursors,
      RegionId region,
      Clock clock) {
    DynamoDbTable<WorkoutItem> table = client.table(tableName, SCHEMA);
    this.items = new ConditionalWrites<>(table);
    this.claims = new ConditionalWrites<>(client.table(tableName, CLAIMS));
    this.byStart = table.index(WorkoutItem.BY_START_TIME);
    this.outbox = table.index(WorkoutItem.OUTBOX_INDEX);
    this.cursors = cursors;
    this.eraser = new PartitionEraser(client);
    this.guard = new ResidencyGuard(region);
    this.clock = clock;
  }

  /** The table this store writes to (for local table creation). */
  public DynamoDbTable<WorkoutItem> table() {
    return items.table();
  }

  @Override
  public Optional<Workout> load(UserId userId, WorkoutId workoutId, RegionId home) {
    guard.requireHome(home);
    return read(userId, workoutId).filter(i -> !isMarker(i)).map(WorkoutItemMapper::toDomain);
  }

  @Override
  public List<Workout> startingBetween(UserId userId, Instant from, Instant to, RegionId home) {
    guard.requireHome(home);
    QueryEnhancedRequest request =
        QueryEnhancedRequest.builder()
            .queryConditional(range(userId, Optional.of(from), Optional.of(to)))
            .scanIndexForward(false)
            .limit(OVERLAP_SCAN_LIMIT)
            .build();
    return DynamoFailures.call(
        () ->
            byStart.query(request).stream()
                .flatMap(page -> page.items().stream())
                .limit(OVERLAP_SCAN_LIMIT)
                .map(WorkoutItemMapper::toDomain)
                .toList());
  }

  @Override
  public Page<Workout> history(UserId userId, HistoryQuery query, RegionId home) {
    guard.requireHome(home);
    String scope =
        table().tableName()
            + "/"
            + WorkoutItem.BY_START_TIME
            + "|"
            + userId.value()
            + "|"
            + query.filterScope();
    QueryEnhancedRequest.Builder request =
        QueryEnhancedRequest.builder()
            .queryConditional(range(userId, query.from(), query.to()))
            .scanIndexForward(false)
            .limit(query.limit() + 1);
    query
        .sport()
        .ifPresent(
            sport ->
                request.filterExpression(
                    Expression.builder()
                        .expression("#sport = :sport")
                        .expressionNames(Map.of("#sport", "sport"))
                        .expressionValues(Map.of(":sport", AttributeValue.fromS(sport.wire())))
                        .build()));
    query.cursor().ifPresent(c -> request.exclusiveStartKey(cursors.decode(scope, c)));
    List<WorkoutItem> found =
        DynamoFailures.call(
            () ->
                byStart.query(request.build()).stream()
                    .flatMap(page -> page.items().stream())
                    .limit(query.limit() + 1L)
                    .toList());
    if (found.size() <= query.limit()) {
      return new Page<>(found.stream().map(WorkoutItemMapper::toDomain).toList(), Optional.empty());
    }
    List<WorkoutItem> page = found.subList(0, query.limit());
    WorkoutItem last = page.get(page.size() - 1);
    Map<String, AttributeValue> position =
        Map.of(
            "userId", AttributeValue.fromS(last.getUserId()),
            "workoutId", AttributeValue.fromS(last.getWorkoutId()),
            "startKey", AttributeValue.fromS(last.getStartKey()));
    return new Page<>(
        page.stream().map(WorkoutItemMapper::toDomain).toList(),
        Optional.of(cursors.encode(scope, position)));
  }

  @Override
  public void create(Workout workout, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    WorkoutItem item = WorkoutItemMapper.toItem(workout);
    ItemOutbox.carryAndAdd(null, item, pending, clock.instant());
    items.putVersioned(item);
  }

  @Override
  public void replace(Workout workout, long expectedVersion, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    WorkoutItem current = requireLive(workout.userId(), workout.id(), expectedVersion);
    WorkoutItem item = WorkoutItemMapper.toItem(workout);
    item.setRevision(current.getRevision());
    ItemOutbox.carryAndAdd(current, item, pending, clock.instant());
    items.putVersioned(item);
  }

  @Override
  public void delete(
      UserId userId,
      WorkoutId workoutId,
      long expectedVersion,
      OutboundEvent pending,
      RegionId home) {
    guard.requireHome(home);
    WorkoutItem current = requireLive(userId, workoutId, expectedVersion);
    WorkoutItem marker = new WorkoutItem();
    marker.setUserId(current.getUserId());
    marker.setWorkoutId(current.getWorkoutId());
    marker.setVersion(current.getVersion());
    marker.setRevision(current.getRevision());
    marker.setDeleted(true);
    marker.setExpiresAt(clock.instant().plus(MARKER_TTL).getEpochSecond());
    ItemOutbox.carryAndAdd(current, marker, pending, clock.instant());
    items.putVersioned(marker);
  }

  @Override
  public void markPublished(UserId userId, WorkoutId workoutId, String eventId, RegionId home) {
    guard.requireHome(home);
    for (int attempt = 1; ; attempt++) {
      try {
        clearPending(userId, workoutId, eventId);
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
      for (WorkoutItem item : oldestPending("outbox#" + shard, limit)) {
        UserId owner = new UserId(item.getUserId());
        WorkoutId id = new WorkoutId(item.getWorkoutId());
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

  @Override
  public Optional<Claim> claim(UserId userId, Claim claim, RegionId home) {
    guard.requireHome(home);
    IdempotencyItem item = new IdempotencyItem();
    item.setUserId(userId.value());
    item.setWorkoutId(IdempotencyItem.PREFIX + claim.key());
    item.setFingerprint(claim.fingerprint());
    item.setClaimedWorkoutId(claim.workoutId().value());
    item.setExpiresAt(claim.expiresAt().getEpochSecond());
    Key key = Key.builder().partitionValue(item.getUserId()).sortValue(item.getWorkoutId()).build();
    Optional<IdempotencyItem> existing = claims.get(key);
    if (existing.isPresent() && existing.get().getExpiresAt() > clock.instant().getEpochSecond()) {
      IdempotencyItem live = existing.get();
      return Optional.of(
          new Claim(
              claim.key(),
              live.getFingerprint(),
              new WorkoutId(live.getClaimedWorkoutId()),
              Instant.ofEpochSecond(live.getExpiresAt())));
    }
    // Absent or expired (TTL has not run yet): write ours on the revision read.
    item.setRevision(existing.map(IdempotencyItem::getRevision).orElse(null));
    claims.putVersioned(item);
    return Optional.empty();
  }

  /**
   * Deletes the user's whole partition (workouts, delete markers, idempotency claims) by pages of
   * keys and BatchWriteItem ({@link PartitionEraser}). Pending events in the deleted items go with
   * them, unpublished.
   */
  @Override
  public int eraseAll(UserId userId, RegionId home) {
    guard.requireHome(home);
    return eraser.erase(items.table(), userId.value());
  }

  private QueryConditional range(UserId userId, Optional<Instant> from, Optional<Instant> to) {
    String partition = userId.value();
    if (from.isPresent() && to.isPresent()) {
      return QueryConditional.sortBetween(
          Key.builder().partitionValue(partition).sortValue(from.get().toString()).build(),
          Key.builder().partitionValue(partition).sortValue(before(to.get())).build());
    }
    if (from.isPresent()) {
      return QueryConditional.sortGreaterThanOrEqualTo(
          Key.builder().partitionValue(partition).sortValue(from.get().toString()).build());
    }
    if (to.isPresent()) {
      return QueryConditional.sortLessThan(
          Key.builder().partitionValue(partition).sortValue(to.get().toString()).build());
    }
    return QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build());
  }

  /**
   * The largest start key below {@code to}: start keys are {@code <instant>#<id>} with instants in
   * whole seconds, so every key starting before {@code to} sorts below {@code <to>} and BETWEEN
   * (inclusive) stays exclusive at the top.
   */
  private static String before(Instant to) {
    return to.toString();
  }

  private void clearPending(UserId userId, WorkoutId workoutId, String eventId) {
    Optional<WorkoutItem> current = read(userId, workoutId);
    if (current.isEmpty()) {
      return;
    }
    WorkoutItem item = current.get();
    long revision = item.getRevision();
    if (!ItemOutbox.remove(item, eventId)) {
      return;
    }
    if (isMarker(item) && ItemOutbox.isEmpty(item)) {
      items.deleteIf(
          key(userId, workoutId),
          ConditionalWrites.attributeEquals(WorkoutItem.REVISION_ATTRIBUTE, revision));
    } else {
      items.putVersioned(item);
    }
  }

  private List<WorkoutItem> oldestPending(String shard, int limit) {
    QueryEnhancedRequest request =
        QueryEnhancedRequest.builder()
            .queryConditional(
                QueryConditional.keyEqualTo(Key.builder().partitionValue(shard).build()))
            .scanIndexForward(true)
            .limit(limit)
            .build();
    return DynamoFailures.call(() -> outbox.query(request).iterator().next().items());
  }

  private WorkoutItem requireLive(UserId userId, WorkoutId workoutId, long expectedVersion) {
    WorkoutItem current =
        read(userId, workoutId)
            .filter(item -> !isMarker(item))
            .orElseThrow(() -> new VersionConflictException("workout " + workoutId + " is gone"));
    if (current.getVersion() != expectedVersion) {
      throw new VersionConflictException(
          "workout " + workoutId + " is at version " + current.getVersion());
    }
    return current;
  }

  private Optional<WorkoutItem> read(UserId userId, WorkoutId workoutId) {
    return items.get(key(userId, workoutId));
  }

  private static Key key(UserId userId, WorkoutId workoutId) {
    return Key.builder().partitionValue(userId.value()).sortValue(workoutId.value()).build();
  }

  private static boolean isMarker(WorkoutItem item) {
    return Boolean.TRUE.equals(item.getDeleted());
  }
}
