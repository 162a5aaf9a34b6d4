package app.stride.auth.aws.adapter.out.dynamodb;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * A one-time token, as its hash ({@code pk = OTT#<hash>}). {@code endsAt} is the exact domain
 * expiry; {@code expiresAt} the TTL (epoch seconds, rounded up), also used in the condition of a
 * consume. {@code failures} counts wrong codes.
 */
@DynamoDbBean
public class OneTimeTokenItem {
  private String pk;
  private String tokenHash;
  private String purpose;
  private String userId;
  private Instant endsAt;
  private Integer failures;
  private Long expiresAt;

  public OneTimeTokenItem() {}

  @DynamoDbPartitionKey
  public String getPk() {
    return pk;
  }

  public void setPk(String pk) {
    this.pk = pk;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public void setTokenHash(String tokenHash) {
    this.tokenHash = tokenHash;
  }

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String purpose) {
    this.purpose = purpose;
  }

  public String getUserId() {
    return userId;
  }

  public void setUserId(String userId) {
    this.userId = userId;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public void setEndsAt(Instant endsAt) {
    this.endsAt = endsAt;
  }

  public Integer getFailures() {
    return failures;
  }

  public void setFailures(Integer failures) {
    this.failures = failures;
  }

  public Long getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Long expiresAt) {
    this.expiresAt = expiresAt;
  }
}
