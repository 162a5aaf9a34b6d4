package app.stride.devices.aws.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The claim of a provider account by one user, so a webhook naming the provider's user reaches
 * exactly one of ours. It has a partition of its own, shared by no user: {@code userId} = {@code
 * CONNECTION#<provider>#<providerUserId>} (a user id never holds {@code #}, and a provider's wire
 * name never does, so the key is unambiguous), {@code sk} = {@code CLAIM}; with {@code
 * claimedUserId} (the holder) and {@code claimedAt} (epoch millis, the start of its lease).
 *
 * <p>Written before the connection it backs; a claim whose holder's connection to the provider is
 * missing or names another account is an orphan, which another user may take over once its lease
 * has passed ({@link DynamoConnectionStore#CLAIM_LEASE}).
 */
@DynamoDbBean
public class ConnectionClaimItem {
  private String userId;
  private String sk;
  private String claimedUserId;
  private Long claimedAt;

  public ConnectionClaimItem() {}

  /** The claim's partition, {@code CONNECTION#<provider>#<providerUserId>} (not a user id). */
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

  public String getClaimedUserId() {
    return claimedUserId;
  }

  public void setClaimedUserId(String claimedUserId) {
    this.claimedUserId = claimedUserId;
  }

  public Long getClaimedAt() {
    return claimedAt;
  }

  public void setClaimedAt(Long claimedAt) {
    this.claimedAt = claimedAt;
  }
}
