package app.stride.workouts.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.outbox.OutboxItem;
import app.stride.aws.dynamodb.outbox.PendingEventItem;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A workout item in the region's table ({@code STRIDE_WORKOUTS_TABLE}, default {@code
 * stride-workouts-<region>}).
 *
 * <p>Key schema (fixed in the issue-5 plan; the planner reads it): partition key {@code userId}
 * (S), sort key {@code workoutId} (S, {@code w_} + 26 characters). Attributes in SI: {@code sport}
 * (lower-case), {@code startTime} (ISO-8601 instant, whole seconds), {@code timeZone}, {@code
 * durationSeconds}, {@code distanceMeters}, {@code elevationGainMeters}, heart rates, {@code
 * perceivedEffort}, {@code title}, {@code notes}, {@code version} (the domain version, the ETag),
 * {@code recordedAt}, {@code updatedAt}. History reads the local secondary index {@value
 * #BY_START_TIME} on {@code startKey} = {@code <startTime>#<workoutId>} (projection ALL).
 *
 * <p>{@code revision} is the item's write counter, checked and incremented by the enhanced client's
 * versioned-record extension on every put, so every read-modify-write (clearing an outbox entry
 * included) loses cleanly to a concurrent writer.
 *
 * <p>Outbox: {@code pendingEvents} maps event id to the event; while it is non-empty {@code
 * outboxShard} ({@code outbox#0..3}) and {@code outboxSince} (epoch millis of the oldest entry) put
 * the item in the sparse GSI {@value #OUTBOX_INDEX}, which the relay reads oldest first.
 *
 * <p>Delete marker: after a delete only {@code userId}, {@code workoutId}, {@code version}, {@code
 * revision}, {@code deleted = true}, the outbox attributes and {@code expiresAt} (epoch seconds,
 * the table's TTL attribute) remain, with no {@code startKey}, so the marker is in no history. A
 * reader by key must treat {@code deleted = true} as absent.
 *
 * <p>The same partition also holds idempotency claims under sort keys {@code idem#<key>} ({@link
 * IdempotencyItem}); they have no {@code startKey} either.
 */
@DynamoDbBean
public class WorkoutItem implements OutboxItem {
  /** The local secondary index ordering a user's workouts by start. */
  public static final String BY_START_TIME = "byStartTime";

  /** The sparse global secondary index of items with pending events. */
  public static final String OUTBOX_INDEX = "outbox";

  /** The TTL attribute infra declares on the table (markers and idempotency claims). */
  public static final String TTL_ATTRIBUTE = "expiresAt";

  /** The item write counter attribute. */
  public static final String REVISION_ATTRIBUTE = "revision";

  private String userId;
  private String workoutId;
  private String startKey;
  private String sport;
  private String title;
  private String startTime;
  private String timeZone;
  private Long durationSeconds;
  private Double distanceMeters;
  private Double elevationGainMeters;
  private Integer averageHeartRate;
  private Integer maxHeartRate;
  private Integer perceivedEffort;
  private String notes;
  private Long version;
  private String recordedAt;
  private String updatedAt;
  private Long revision;
  private Boolean deleted;
  private Long expiresAt;
  private Map<String, PendingEventItem> pendingEvents;
  private String outboxShard;
  private Long outboxSince;

  public WorkoutItem() {}

  @DynamoDbPartitionKey
  @Override
  public String getUserId() {
    return userId;
  }

  public void setUserId(String userId) {
    this.userId = userId;
  }

  @DynamoDbSortKey
  public String getWorkoutId() {
    return workoutId;
  }

  public void setWorkoutId(String workoutId) {
    this.workoutId = workoutId;
  }

  @DynamoDbSecondarySortKey(indexNames = BY_START_TIME)
  public String getStartKey() {
    return startKey;
  }

  public void setStartKey(String startKey) {
    this.startKey = startKey;
  }

  public String getSport() {
    return sport;
  }

  public void setSport(String sport) {
    this.sport = sport;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public Long getDurationSeconds() {
    return durationSeconds;
  }

  public void setDurationSeconds(Long durationSeconds) {
    this.durationSeconds = durationSeconds;
  }

  public Double getDistanceMeters() {
    return distanceMeters;
  }

  public void setDistanceMeters(Double distanceMeters) {
    this.distanceMeters = distanceMeters;
  }

  public Double getElevationGainMeters() {
    return elevationGainMeters;
  }

  public void setElevationGainMeters(Double elevationGainMeters) {
    this.elevationGainMeters = elevationGainMeters;
  }

  public Integer getAverageHeartRate() {
    return averageHeartRate;
  }

  public void setAverageHeartRate(Integer averageHeartRate) {
    this.averageHeartRate = averageHeartRate;
  }

  public Integer getMaxHeartRate() {
    return maxHeartRate;
  }

  public void setMaxHeartRate(Integer maxHeartRate) {
    this.maxHeartRate = maxHeartRate;
  }

  public Integer getPerceivedEffort() {
    return perceivedEffort;
  }

  public void setPerceivedEffort(Integer perceivedEffort) {
    this.perceivedEffort = perceivedEffort;
  }

  public String getNotes() {
    return notes;
  }

  public void setNotes(String notes) {
    this.notes = notes;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getRecordedAt() {
    return recordedAt;
  }

  public void setRecordedAt(String recordedAt) {
    this.recordedAt = recordedAt;
  }

  public String getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(String updatedAt) {
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
