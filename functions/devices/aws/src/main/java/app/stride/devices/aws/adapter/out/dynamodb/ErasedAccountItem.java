package app.stride.devices.aws.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
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
  private String userId;
  private String sk;
  private String erasedAt;
  private Long expiresAt;

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
}
