package app.stride.auth.aws.adapter.out.dynamodb;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * A region's signing key ring ({@code pk = KEYRING#<region>}): the ring's stored form, <b>private
 * keys included</b>, and its version, checked by an explicit condition on every save. No TTL. Never
 * log an instance.
 */
@DynamoDbBean
public class KeyRingItem {
  private String pk;
  private String region;
  private Long version;
  private String ring;
  private Instant savedAt;

  public KeyRingItem() {}

  @DynamoDbPartitionKey
  public String getPk() {
    return pk;
  }

  public void setPk(String pk) {
    this.pk = pk;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getRing() {
    return ring;
  }

  public void setRing(String ring) {
    this.ring = ring;
  }

  public Instant getSavedAt() {
    return savedAt;
  }

  public void setSavedAt(Instant savedAt) {
    this.savedAt = savedAt;
  }

  @Override
  public String toString() {
    return "KeyRingItem[" + pk + ", version " + version + "]";
  }
}
