package app.stride.devices.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.aws.dynamodb.DynamoFailures;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * The erased accounts of one region on DynamoDB: one {@link ErasedAccountItem} ({@code sk =
 * ERASED}) in the user's own partition of the devices table, so the eraser's role writes it with
 * the same table grant and every reader finds it by one strongly consistent GetItem of the user's
 * key. Marking again overwrites the item; a marker whose {@code expiresAt} has passed reads as
 * absent, as DynamoDB deletes expired items only eventually. The recent markers are listed from the
 * table's sparse index (partition {@value ErasedAccountItem#ERASED_SHARD}, sorted by the erasure's
 * time), newest first; an index read is eventually consistent, so a marker written a moment ago may
 * be missing from one listing.
 */
public final class DynamoErasedAccounts implements ErasedAccounts {
  private static final TableSchema<ErasedAccountItem> MARKERS =
      TableSchema.fromBean(ErasedAccountItem.class);

  /** Markers read per index query page. */
  static final int PAGE = 100;

  private final ConditionalWrites<ErasedAccountItem> markers;
  private final DynamoDbIndex<ErasedAccountItem> byErasure;
  private final ResidencyGuard guard;
  private final Clock clock;

  public DynamoErasedAccounts(
      DynamoDbEnhancedClient client, String tableName, RegionId region, Clock clock) {
    this.markers = new ConditionalWrites<>(client.table(tableName, MARKERS));
    this.byErasure = markers.table().index(ActivityItem.OUTBOX_INDEX);
    this.guard = new ResidencyGuard(region);
    this.clock = clock;
  }

  @Override
  public void markErased(UserId userId, Instant erasedAt, Instant expiresAt, RegionId home) {
    guard.requireHome(home);
    ErasedAccountItem item = new ErasedAccountItem();
    item.setUserId(userId.value());
    item.setSk(SortKeys.ERASED);
    item.setErasedAt(erasedAt.toString());
    item.setExpiresAt(expiresAt.getEpochSecond());
    item.setOutboxShard(ErasedAccountItem.ERASED_SHARD);
    item.setOutboxSince(erasedAt.toEpochMilli());
    DynamoFailures.run(() -> markers.table().putItem(item));
  }

  @Override
  public boolean isErased(UserId userId, RegionId home) {
    guard.requireHome(home);
    long now = clock.instant().getEpochSecond();
    return markers
        .get(Key.builder().partitionValue(userId.value()).sortValue(SortKeys.ERASED).build())
        .filter(marker -> marker.getExpiresAt() > now)
        .isPresent();
  }

  @Override
  public List<UserId> erasedSince(Instant since, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    long now = clock.instant().getEpochSecond();
    QueryEnhancedRequest request =
        QueryEnhancedRequest.builder()
            .queryConditional(
                QueryConditional.sortGreaterThanOrEqualTo(
                    Key.builder()
                        .partitionValue(ErasedAccountItem.ERASED_SHARD)
                        .sortValue(since.toEpochMilli())
                        .build()))
            .scanIndexForward(false)
            .limit(Math.min(limit, PAGE))
            .build();
    return DynamoFailures.call(
        () ->
            byErasure.query(request).stream()
                .flatMap(page -> page.items().stream())
                .filter(marker -> marker.getExpiresAt() > now)
                .limit(limit)
                .map(marker -> new UserId(marker.getUserId()))
                .toList());
  }
}
