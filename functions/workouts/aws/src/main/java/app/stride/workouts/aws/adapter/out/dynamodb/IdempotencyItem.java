package app.stride.workouts.aws.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * An idempotency claim in the workouts table, beside the user's workouts: sort key {@code
 * idem#<Idempotency-Key>} (so never a workout id), the fingerprint of the workout the first request
 * carried, the id it was recorded under, and {@code expiresAt} (epoch seconds; the table's TTL
 * removes it, readers treat it as absent once past).
 */
@DynamoDbBean
public class IdempotencyItem {
  /** The sort key prefix of claims. */
  public static final String PREFIX = "idem#";

  private String userId;
  private String workoutId;
  private String fingerprint;
  private String claimedWorkoutId;
  private Long expiresAt;
  private Long revision;

  public IdempotencyItem() {}

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

  public String getFingerprint() {
    return fingerprint;
  }

  public void setFingerprint(String fingerprint) {
    this.fingerprint = fingerprint;
  }

  public String getClaimedWorkoutId() {
    return claimedWorkoutId;
  }

  public void setClaimedWorkoutId(String claimedWorkoutId) {
    this.claimedWorkoutId = claimedWorkoutId;
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
