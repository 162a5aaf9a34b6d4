package app.stride.planner.application.port.out;

import app.stride.core.region.RegionId;
import app.stride.planner.domain.UserId;
import app.stride.planner.domain.WorkoutSummary;
import java.util.Optional;

/**
 * Reads a recorded workout, read-only, from the workouts capability's store in the serving region
 * (its key schema is fixed in the issue-5 plan: DynamoDB {@code userId}/{@code workoutId},
 * Firestore {@code users/{userId}/workouts/{workoutId}}). The planner never writes there.
 */
public interface LoadWorkoutSummaryPort {
  /**
   * The workout {@code workoutId} of {@code userId}. A workout of another user is not found: the
   * lookup is by the owner's key.
   *
   * @return empty when the user has no such workout
   * @throws app.stride.core.problem.ProblemException {@code wrong-region} when {@code home} is not
   *     the store's region
   * @throws app.stride.core.store.StoreUnavailableException when the store cannot be reached
   */
  Optional<WorkoutSummary> load(UserId userId, String workoutId, RegionId home);
}
