package app.stride.profiles.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.outbox.OutboxItem;
import app.stride.aws.dynamodb.outbox.PendingEventItem;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPreserveEmptyObject;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A user's profile item in the region's table ({@code stride-profiles-<region>}).
 *
 * <p>Key design: {@code pk = USER#<userId>}, {@code sk = PROFILE}. One item per user holds the
 * profile and its per-item outbox, so every change and its event are one single-item conditional
 * write (no transactions). The user partition leaves room for more items per user later (e.g.
 * {@code sk = SETTINGS#...}).
 *
 * <p>Two counters: {@code version} is the profile's domain version (the ETag); {@code revision} is
 * the item's write counter, checked and incremented by the enhanced client's {@code
 * VersionedRecordExtension} on every put, so any read-modify-write (including clearing an outbox
 * entry, which does not change the profile's version) loses cleanly to a concurrent writer.
 *
 * <p>Outbox: {@code pendingEvents} maps event id to the event; while it is non-empty, {@code
 * outboxShard} ({@code outbox#0..3}, by user id hash) and {@code outboxSince} (epoch millis of the
 * oldest entry) are set and the item appears in the sparse {@value #OUTBOX_INDEX} index, which the
 * relay reads oldest first.
 *
 * <p>Delete marker: after a delete only {@code pk}, {@code sk}, {@code userId}, {@code version},
 * {@code revision}, {@code deleted = true}, the outbox attributes and {@code expiresAt} (epoch
 * seconds, the table's TTL attribute, set only on markers) remain; every personal field is gone.
 */
@DynamoDbBean
public class ProfileItem implements OutboxItem {
  /** The sparse index of items with pending events. */
  public static final String OUTBOX_INDEX = "outbox";

  /** The sort key of the profile item. */
  public static final String PROFILE_SK = "PROFILE";

  /** The TTL attribute infra declares on the table. */
  public static final String TTL_ATTRIBUTE = "expiresAt";

  /** The item write counter attribute. */
  public static final String REVISION_ATTRIBUTE = "revision";

  private String pk;
  private String sk;
  private String userId;
  private String displayName;
  private String about;
  private Integer birthYear;
  private String sex;
  private Double heightCm;
  private Double weightKg;
  private GoalsItem goals;
  private PreferencesItem preferences;
  private Long version;
  private Instant updatedAt;
  private Long revision;
  private Boolean deleted;
  private Long expiresAt;
  private Map<String, PendingEventItem> pendingEvents;
  private String outboxShard;
  private Long outboxSince;

  public ProfileItem() {}

  /** The partition key value of a user. */
  public static String partitionOf(String userId) {
    return "USER#" + userId;
  }

  @DynamoDbPartitionKey
  public String getPk() {
    return pk;
  }

  public void setPk(String pk) {
    this.pk = pk;
  }

  @DynamoDbSortKey
  public String getSk() {
    return sk;
  }

  public void setSk(String sk) {
    this.sk = sk;
  }

  @Override
  public String getUserId() {
    return userId;
  }

  public void setUserId(String userId) {
    this.userId = userId;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getAbout() {
    return about;
  }

  public void setAbout(String about) {
    this.about = about;
  }

  public Integer getBirthYear() {
    return birthYear;
  }

  public void setBirthYear(Integer birthYear) {
    this.birthYear = birthYear;
  }

  public String getSex() {
    return sex;
  }

  public void setSex(String sex) {
    this.sex = sex;
  }

  public Double getHeightCm() {
    return heightCm;
  }

  public void setHeightCm(Double heightCm) {
    this.heightCm = heightCm;
  }

  public Double getWeightKg() {
    return weightKg;
  }

  public void setWeightKg(Double weightKg) {
    this.weightKg = weightKg;
  }

  @DynamoDbPreserveEmptyObject
  public GoalsItem getGoals() {
    return goals;
  }

  public void setGoals(GoalsItem goals) {
    this.goals = goals;
  }

  public PreferencesItem getPreferences() {
    return preferences;
  }

  public void setPreferences(PreferencesItem preferences) {
    this.preferences = preferences;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }

  @DynamoDbVersionAttribute
  public Long getRevision() {
    return revision;
  }

  public void setRevision(Long revision) {
    this.revision = revision;
  }

  public Boolean getDeleted() {
    return deleted;
  }

  public void setDeleted(Boolean deleted) {
    this.deleted = deleted;
  }

  public Long getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Long expiresAt) {
    this.expiresAt = expiresAt;
  }

  @Override
  public Map<String, PendingEventItem> getPendingEvents() {
    return pendingEvents;
  }

  @Override
  public void setPendingEvents(Map<String, PendingEventItem> pendingEvents) {
    this.pendingEvents = pendingEvents;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = OUTBOX_INDEX)
  public String getOutboxShard() {
    return outboxShard;
  }

  @Override
  public void setOutboxShard(String outboxShard) {
    this.outboxShard = outboxShard;
  }

  @DynamoDbSecondarySortKey(indexNames = OUTBOX_INDEX)
  public Long getOutboxSince() {
    return outboxSince;
  }

  @Override
  public void setOutboxSince(Long outboxSince) {
    this.outboxSince = outboxSince;
  }
}
