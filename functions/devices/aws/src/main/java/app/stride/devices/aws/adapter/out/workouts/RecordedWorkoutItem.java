package app.stride.devices.aws.adapter.out.workouts;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The history's read-only view of a workout item in the workouts table ({@code
 * STRIDE_WORKOUTS_TABLE}), on the workouts capability's layout: key {@code userId}/{@code
 * workoutId}, local index {@value #BY_START_TIME} on {@code startKey} ({@code <ISO-8601 instant,
 * whole seconds>#<workoutId>}), {@code sport}, {@code startTime}, {@code timeZone}, {@code
 * durationSeconds}, {@code distanceMeters}, {@code averageHeartRate}. Every other attribute is
 * ignored; delete markers and idempotency claims have no {@code startKey}, so the index never holds
 * them.
 */
@DynamoDbBean
public class RecordedWorkoutItem {
  /** The workouts table's local index ordering a user's workouts by start. */
  public static final String BY_START_TIME = "byStartTime";

  private String userId;
  private String workoutId;
  private String startKey;
  private String sport;
  private String startTime;
  private String timeZone;
  private Long durationSeconds;
  private Double distanceMeters;
  private Integer averageHeartRate;

  public RecordedWorkoutItem() {}

  @DynamoDbPartitionKey
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

  public Integer getAverageHeartRate() {
    return averageHeartRate;
  }

  public void setAverageHeartRate(Integer averageHeartRate) {
    this.averageHeartRate = averageHeartRate;
  }
}
