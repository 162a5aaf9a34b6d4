package app.stride.auth.aws.adapter.out.dynamodb;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * A login identifier claimed by an account: {@code pk = EMAIL#<canonical>} or {@code
 * SOCIAL#<provider>#<subject>}. Written with a conditional put, so one identifier has at most one
 * holder; {@code claimedAt} lets a later create take over a claim a crash left without its account.
 */
@DynamoDbBean
public class ClaimItem {
  private String pk;
  private String userId;
  private Instant claimedAt;

  public ClaimItem() {}

  @DynamoDbPartitionKey
  public String getPk() {
    return pk;
  }

  public void setPk(String pk) {
    this.pk = pk;
  }

  public String getUserId() {
    return userId;
  }

  public void setUserId(String userId) {
    this.userId = userId;
  }

  public Instant getClaimedAt() {
    return claimedAt;
  }

  public void setClaimedAt(Instant claimedAt) {
    this.claimedAt = claimedAt;
  }
}
