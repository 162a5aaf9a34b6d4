package app.stride.workouts.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.PartitionEraser;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.workouts.application.port.out.EraseWorkoutsPort;
import app.stride.workouts.domain.UserId;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The data eraser's store: a deleted user's whole partition of the workouts table ({@link
 * PartitionEraser}), without the rest of {@link DynamoWorkoutStore}, which needs the cursor key the
 * eraser is not given (it never pages a history for a client).
 */
public final class DynamoWorkoutEraser implements EraseWorkoutsPort {
  private final ResidencyGuard guard;
  private final PartitionEraser eraser;
  private final DynamoDbTable<WorkoutItem> table;

  public DynamoWorkoutEraser(DynamoDbEnhancedClient client, String tableName, RegionId region) {
    this.guard = new ResidencyGuard(region);
    this.eraser = new PartitionEraser(client);
    this.table = client.table(tableName, TableSchema.fromBean(WorkoutItem.class));
  }

  @Override
  public int eraseAll(UserId userId, RegionId home) {
    guard.requireHome(home);
    return eraser.erase(table, userId.value());
  }
}
