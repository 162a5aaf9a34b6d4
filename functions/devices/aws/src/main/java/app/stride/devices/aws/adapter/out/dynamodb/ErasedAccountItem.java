package app.stride.devices.aws.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The marker of an erased account in its user's partition of the devices table: {@code sk} = {@code
 * ERASED}, with {@code erasedAt} (ISO-8601 instant) and {@code expiresAt} (epoch seconds, the
 * table's TTL attribute: {@link app.stride.devices.application.port.out.ErasedAccounts#KEPT} after
 * the erasure). Its sort key begins with none of the prefixes the erasure deletes by ({@link
 * SortKeys}), so erasing the user's items never removes it.
 */
@DynamoDbBean
public class ErasedAccountItem {
  /** The partition of the sparse index that holds every marker. */
  public static final String ERASED_SHARD = "erased";

  private String userId;
  private String sk;
  private String erasedAt;
  private Long expiresAt;
  private String outboxShard;
  private Long outboxSince;

  public ErasedAccountItem() {}

  @DynamoDbPartitionKey
  public String getUserId() {
    return userId;
  }

  public void setUserId(String userId) {
    this.userId = userId;
  }

  @DynamoDbSortKey
  public String getSk() {
    return sk;
  }

  public void setSk(String sk) {
    this.sk = sk;
  }

  public String getErasedAt() {
    return erasedAt;
  }

  public void setErasedAt(String erasedAt) {
    this.erasedAt = erasedAt;
  }

  public Long getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Long expiresAt) {
    this.expiresAt = expiresAt;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = ActivityItem.OUTBOX_INDEX)
  public String getOutboxShard() {
    return outboxShard;
  }

  public void setOutboxShard(String outboxShard) {
    this.outboxShard = outboxShard;
  }

  @DynamoDbSecondarySortKey(indexNames = ActivityItem.OUTBOX_INDEX)
  public Long getOutboxSince() {
    return outboxSince;
  }

  public void setOutboxSince(Long outboxSince) {
    this.outboxSince = outboxSince;
  }
}
