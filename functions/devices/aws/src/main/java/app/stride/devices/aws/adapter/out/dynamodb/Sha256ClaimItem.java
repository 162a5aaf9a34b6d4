package app.stride.devices.aws.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The claim of a file hash by one import of the user ({@code sk} = {@code SHA#<sha256>}), so the
 * same file imports once: {@code claimedImportId}, {@code claimedAt} (epoch millis) and {@code
 * expiresAt} (epoch seconds, TTL: 30 days after the import was received). Written before the
 * import; a reader treats an expired claim, or one whose import is missing, as absent.
 */
@DynamoDbBean
public class Sha256ClaimItem {
  private String userId;
  private String sk;
  private String claimedImportId;
  private Long claimedAt;
  private Long expiresAt;
  private Long revision;

  public Sha256ClaimItem() {}

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

  public String getClaimedImportId() {
    return claimedImportId;
  }

  public void setClaimedImportId(String claimedImportId) {
    this.claimedImportId = claimedImportId;
  }

  public Long getClaimedAt() {
    return claimedAt;
  }

  public void setClaimedAt(Long claimedAt) {
    this.claimedAt = claimedAt;
  }

  public Long getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Long expiresAt) {
    this.expiresAt = expiresAt;
  }

  @DynamoDbVersionAttribute
  public Long getRevision() {
    return revision;
  }

  public void setRevision(Long revision) {
    this.revision = revision;
  }
}
