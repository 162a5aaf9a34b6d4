package app.stride.devices.aws.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The claim of a provider record ({@code sk} = {@code SOURCE#<provider>#<externalId>}) by one
 * activity of the user, so two activities never share a source: {@code claimedActivityId} and
 * {@code claimedAt} (epoch millis). It is written before the activity it names; a reader treats a
 * claim whose activity is missing or does not list the source as absent, and a writer may take such
 * a claim over once it is older than {@link DynamoActivityStore#CLAIM_GRACE}.
 */
@DynamoDbBean
public class SourceClaimItem {
  private String userId;
  private String sk;
  private String claimedActivityId;
  private Long claimedAt;
  private Long revision;

  public SourceClaimItem() {}

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

  public String getClaimedActivityId() {
    return claimedActivityId;
  }

  public void setClaimedActivityId(String claimedActivityId) {
    this.claimedActivityId = claimedActivityId;
  }

  public Long getClaimedAt() {
    return claimedAt;
  }

  public void setClaimedAt(Long claimedAt) {
    this.claimedAt = claimedAt;
  }

  @DynamoDbVersionAttribute
  public Long getRevision() {
    return revision;
  }

  public void setRevision(Long revision) {
    this.revision = revision;
  }
}
