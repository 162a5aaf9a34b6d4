package app.stride.devices.application.port.out;

import app.stride.core.region.RegionId;
import app.stride.devices.domain.UserId;
import app.stride.devices.domain.WorkoutSummary;
import java.time.Instant;
import java.util.List;

/**
 * Reads, never writes, the workouts a user recorded by hand from the workouts capability's store in
 * the serving region, on that store's own layout (DynamoDB: table {@code STRIDE_WORKOUTS_TABLE},
 * keys {@code userId}/{@code workoutId}, local index {@code byStartTime} on {@code startKey};
 * Firestore: {@code users/{userId}/workouts/{workoutId}} ordered by {@code startKey}). Deleted
 * workouts are never returned.
 */
public interface RecordedWorkouts {
  /** The most workouts one call may ask for. */
  int MAX_LIMIT = 500;

  /**
   * The user's workouts that start at or after {@code from} and before {@code to}, newest first, at
   * most {@code limit}. Another user's workouts are never returned: the read is by the owner's key.
   *
   * @throws IllegalArgumentException when {@code limit} is not 1 to {@link #MAX_LIMIT}
   * @throws app.stride.core.problem.ProblemException {@code wrong-region} when {@code home} is not
   *     the store's region
   * @throws app.stride.core.store.StoreUnavailableException when the store cannot be reached
   */
  List<WorkoutSummary> startingBetween(
      UserId userId, Instant from, Instant to, int limit, RegionId home);
}
