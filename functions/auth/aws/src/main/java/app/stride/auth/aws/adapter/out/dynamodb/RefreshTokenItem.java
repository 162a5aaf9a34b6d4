package app.stride.auth.aws.adapter.out.dynamodb;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * A refresh token, as its hash ({@code pk = REFRESH#<hash>}). {@code rotatedAt} is set once, by a
 * conditional update. {@code endsAt} is the exact domain expiry; {@code expiresAt} the TTL (epoch
 * seconds, rounded up).
 */
@DynamoDbBean
public class RefreshTokenItem {
  private String pk;
  private String tokenHash;
  private String familyId;
  private String userId;
  private List<String> amr;
  private Instant issuedAt;
  private Instant endsAt;
  private Instant rotatedAt;
  private Long expiresAt;

  public RefreshTokenItem() {}

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

  public String getFamilyId() {
    return familyId;
  }

  public void setFamilyId(String familyId) {
    this.familyId = familyId;
  }

  public String getUserId() {
    return userId;
  }

  public void setUserId(String userId) {
    this.userId = userId;
  }

  public List<String> getAmr() {
    return amr;
  }

  public void setAmr(List<String> amr) {
    this.amr = amr;
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }

  public void setIssuedAt(Instant issuedAt) {
    this.issuedAt = issuedAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public void setEndsAt(Instant endsAt) {
    this.endsAt = endsAt;
  }

  public Instant getRotatedAt() {
    return rotatedAt;
  }

  public void setRotatedAt(Instant rotatedAt) {
    this.rotatedAt = rotatedAt;
  }

  public Long getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Long expiresAt) {
    this.expiresAt = expiresAt;
  }
}
