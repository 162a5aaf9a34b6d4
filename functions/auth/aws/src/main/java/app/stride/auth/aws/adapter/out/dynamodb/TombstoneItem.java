package app.stride.auth.aws.adapter.out.dynamodb;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * What a deleted account leaves ({@code pk = TOMBSTONE#<userId>}): the user id and the deletion
 * event, nothing personal. No TTL: it stays until the event is confirmed as published.
 *
 * <p>The same shape, with {@code deleting = true} and the keys of the account's claims in {@code
 * claimKeys}, first replaces the account item itself ({@code pk = ACCOUNT#<userId>}): that one
 * conditional write on the account's version is the point where the deletion happens. The
 * tombstone, the release of the claims and the removal of that marker follow; if a crash interrupts
 * them, the next listing of pending deletions finishes the job.
 */
@DynamoDbBean
public class TombstoneItem {
  private String pk;
  private String userId;
  private Long accountVersion;
  private String eventId;
  private String eventType;
  private String eventSubject;
  private byte[] eventJson;
  private Instant createdAt;
  private Boolean deleting;
  private List<String> claimKeys;

  public TombstoneItem() {}

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

  public Long getAccountVersion() {
    return accountVersion;
  }

  public void setAccountVersion(Long accountVersion) {
    this.accountVersion = accountVersion;
  }

  public String getEventId() {
    return eventId;
  }

  public void setEventId(String eventId) {
    this.eventId = eventId;
  }

  public String getEventType() {
    return eventType;
  }

  public void setEventType(String eventType) {
    this.eventType = eventType;
  }

  public String getEventSubject() {
    return eventSubject;
  }

  public void setEventSubject(String eventSubject) {
    this.eventSubject = eventSubject;
  }

  public byte[] getEventJson() {
    return eventJson;
  }

  public void setEventJson(byte[] eventJson) {
    this.eventJson = eventJson;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  public Boolean getDeleting() {
    return deleting;
  }

  public void setDeleting(Boolean deleting) {
    this.deleting = deleting;
  }

  public List<String> getClaimKeys() {
    return claimKeys;
  }

  public void setClaimKeys(List<String> claimKeys) {
    this.claimKeys = claimKeys;
  }
}
