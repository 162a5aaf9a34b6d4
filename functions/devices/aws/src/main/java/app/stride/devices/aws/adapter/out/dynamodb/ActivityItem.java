package app.stride.devices.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.outbox.OutboxItem;
import app.stride.aws.dynamodb.outbox.PendingEventItem;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * An activity in the region's devices table ({@code STRIDE_DEVICES_TABLE}, default {@code
 * stride-devices-<region>}): partition key {@code userId} (S), sort key {@code sk} (S) = {@code
 * ACTIVITY#<activityId>}. The summary only: the sample stream lives in object storage; the item has
 * its {@code sampleCount} and {@code streamId}, the stream write whose object holds it ({@code
 * samples/<userId>/<activityId>/<streamId>}). {@code streamId} is absent when there are no samples,
 * and on items written before it was recorded, whose stream is at {@code
 * samples/<userId>/<activityId>}.
 *
 * <p>Attributes in SI: {@code sport} (wire name), {@code startTime} (ISO-8601 instant), {@code
 * utcOffsetSeconds}, {@code elapsedMillis}, {@code movingMillis}, {@code distanceMeters}, {@code
 * elevationGainMeters}, the summary stats, {@code laps} (list of {@link LapItem}), {@code device},
 * {@code sources} (list of {@link SourceItem}, oldest first), {@code dataSourceIndex} (the position
 * in {@code sources} of the source the data is the recording of; absent on items written before it
 * was recorded, which read as 0, the first source), {@code sampleCount}, {@code version} (the
 * domain version), {@code importedAt}, {@code updatedAt}. {@code startKey} ({@code <start,
 * fixed-width UTC>#<activityId>}) is the sort key of the local secondary index {@value #BY_START}
 * (projection ALL), which only activity items have.
 *
 * <p>{@code revision} is the item's write counter, checked and incremented by the enhanced client's
 * versioned-record extension on every put.
 *
 * <p>Outbox: {@code pendingEvents} maps event id to the event; while it is non-empty {@code
 * outboxShard} ({@code outbox#0..3}) and {@code outboxSince} (epoch millis of the oldest entry) put
 * the item in the sparse GSI {@value #OUTBOX_INDEX}, which the relay reads oldest first.
 */
@DynamoDbBean
public class ActivityItem implements OutboxItem {
  /** The local secondary index ordering a user's activities by start. */
  public static final String BY_START = "byStart";

  /** The sparse global secondary index of items with pending events. */
  public static final String OUTBOX_INDEX = "outbox";

  private String userId;
  private String sk;
  private String activityId;
  private String startKey;
  private String sport;
  private String startTime;
  private Integer utcOffsetSeconds;
  private Long elapsedMillis;
  private Long movingMillis;
  private Double distanceMeters;
  private Double elevationGainMeters;
  private Integer averageHeartRate;
  private Integer maxHeartRate;
  private Integer averageCadence;
  private Integer averagePowerWatts;
  private Integer maxPowerWatts;
  private Double averageSpeedMetersPerSecond;
  private Double maxSpeedMetersPerSecond;
  private List<LapItem> laps;
  private String device;
  private List<SourceItem> sources;
  private Integer dataSourceIndex;
  private Integer sampleCount;
  private String streamId;
  private Long version;
  private String importedAt;
  private String updatedAt;
  private Long revision;
  private Map<String, PendingEventItem> pendingEvents;
  private String outboxShard;
  private Long outboxSince;

  public ActivityItem() {}

  @DynamoDbPartitionKey
  @Override
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

  public String getActivityId() {
    return activityId;
  }

  public void setActivityId(String activityId) {
    this.activityId = activityId;
  }

  @DynamoDbSecondarySortKey(indexNames = BY_START)
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

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public Integer getUtcOffsetSeconds() {
    return utcOffsetSeconds;
  }

  public void setUtcOffsetSeconds(Integer utcOffsetSeconds) {
    this.utcOffsetSeconds = utcOffsetSeconds;
  }

  public Long getElapsedMillis() {
    return elapsedMillis;
  }

  public void setElapsedMillis(Long elapsedMillis) {
    this.elapsedMillis = elapsedMillis;
  }

  public Long getMovingMillis() {
    return movingMillis;
  }

  public void setMovingMillis(Long movingMillis) {
    this.movingMillis = movingMillis;
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

  public Integer getAverageCadence() {
    return averageCadence;
  }

  public void setAverageCadence(Integer averageCadence) {
    this.averageCadence = averageCadence;
  }

  public Integer getAveragePowerWatts() {
    return averagePowerWatts;
  }

  public void setAveragePowerWatts(Integer averagePowerWatts) {
    this.averagePowerWatts = averagePowerWatts;
  }

  public Integer getMaxPowerWatts() {
    return maxPowerWatts;
  }

  public void setMaxPowerWatts(Integer maxPowerWatts) {
    this.maxPowerWatts = maxPowerWatts;
  }

  public Double getAverageSpeedMetersPerSecond() {
    return averageSpeedMetersPerSecond;
  }

  public void setAverageSpeedMetersPerSecond(Double averageSpeedMetersPerSecond) {
    this.averageSpeedMetersPerSecond = averageSpeedMetersPerSecond;
  }

  public Double getMaxSpeedMetersPerSecond() {
    return maxSpeedMetersPerSecond;
  }

  public void setMaxSpeedMetersPerSecond(Double maxSpeedMetersPerSecond) {
    this.maxSpeedMetersPerSecond = maxSpeedMetersPerSecond;
  }

  public List<LapItem> getLaps() {
    return laps;
  }

  public void setLaps(List<LapItem> laps) {
    this.laps = laps;
  }

  public String getDevice() {
    return device;
  }

  public void setDevice(String device) {
    this.device = device;
  }

  public List<SourceItem> getSources() {
    return sources;
  }

  public void setSources(List<SourceItem> sources) {
    this.sources = sources;
  }

  public Integer getDataSourceIndex() {
    return dataSourceIndex;
  }

  public void setDataSourceIndex(Integer dataSourceIndex) {
    this.dataSourceIndex = dataSourceIndex;
  }

  public Integer getSampleCount() {
    return sampleCount;
  }

  public void setSampleCount(Integer sampleCount) {
    this.sampleCount = sampleCount;
  }

  public String getStreamId() {
    return streamId;
  }

  public void setStreamId(String streamId) {
    this.streamId = streamId;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getImportedAt() {
    return importedAt;
  }

  public void setImportedAt(String importedAt) {
    this.importedAt = importedAt;
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
