package app.stride.planner.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.planner.application.port.out.LoadWorkoutSummaryPort;
import app.stride.planner.domain.UserId;
import app.stride.planner.domain.WorkoutSummary;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Reads workouts from the workouts table of the serving region by the owner's key, so another
 * user's workout is never found. Read-only: this adapter has no write method.
 */
public final class DynamoWorkoutSummaries implements LoadWorkoutSummaryPort {
  private static final TableSchema<WorkoutSummaryItem> SCHEMA =
      TableSchema.fromBean(WorkoutSummaryItem.class);

  private final ConditionalWrites<WorkoutSummaryItem> items;
  private final ResidencyGuard guard;

  public DynamoWorkoutSummaries(DynamoDbEnhancedClient client, String tableName, RegionId region) {
    DynamoDbTable<WorkoutSummaryItem> table = client.table(tableName, SCHEMA);
    this.items = new ConditionalWrites<>(table);
    this.guard = new ResidencyGuard(region);
  }

  /** The workouts table (tests create it locally). */
  public DynamoDbTable<WorkoutSummaryItem> table() {
    return items.table();
  }

  @Override
  public Optional<WorkoutSummary> load(UserId userId, String workoutId, RegionId home) {
    guard.requireHome(home);
    Optional<WorkoutSummaryItem> found;
    try {
      found = items.get(Key.builder().partitionValue(userId.value()).sortValue(workoutId).build());
    } catch (ResourceNotFoundException e) {
      // No workouts table yet holds no workout: locally a table appears on its capability's first
      // call (in the clouds infra creates it).
      return Optional.empty();
    }
    return found
        .filter(item -> item.getSport() != null)
        .map(
            item ->
                new WorkoutSummary(
                    item.getWorkoutId(),
                    item.getSport(),
                    item.getStartTime() == null ? null : Instant.parse(item.getStartTime()),
                    item.getDurationSeconds() == null ? 0 : item.getDurationSeconds(),
                    item.getDistanceMeters()));
  }
}
