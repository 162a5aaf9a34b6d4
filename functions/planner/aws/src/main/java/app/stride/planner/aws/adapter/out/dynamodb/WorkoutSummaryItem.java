package app.stride.planner.aws.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The planner's read-only view of a workout item in the workouts table ({@code
 * STRIDE_WORKOUTS_TABLE}): key {@code userId}/{@code workoutId} and the attributes the issue-5 plan
 * fixes; every other attribute of the item is ignored.
 */
@DynamoDbBean
public class WorkoutSummaryItem {
  private String userId;
  private String workoutId;
  private String sport;
  private String startTime;
  private Long durationSeconds;
  private Double distanceMeters;

  public WorkoutSummaryItem() {}

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
}
