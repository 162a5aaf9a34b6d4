package app.stride.devices.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.aws.dynamodb.DynamoFailures;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The erased accounts of one region on DynamoDB: one {@link ErasedAccountItem} ({@code sk =
 * ERASED}) in the user's own partition of the devices table, so the eraser's role writes it with
 * the same table grant and every reader finds it by one strongly consistent GetItem of the user's
 * key. Marking again overwrites the item; a marker whose {@code expiresAt} has passed reads as
 * absent, as DynamoDB deletes expired items only eventually.
 */
public final class DynamoErasedAccounts implements ErasedAccounts {
  private static final TableSchema<ErasedAccountItem> MARKERS =
      TableSchema.fromBean(ErasedAccountItem.class);

  private final ConditionalWrites<ErasedAccountItem> markers;
  private final ResidencyGuard guard;
  private final Clock clock;

  public DynamoErasedAccounts(
      DynamoDbEnhancedClient client, String tableName, RegionId region, Clock clock) {
    this.markers = new ConditionalWrites<>(client.table(tableName, MARKERS));
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
}
