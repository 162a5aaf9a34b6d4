package app.stride.workouts.application.port.out;

import app.stride.core.region.RegionId;
import app.stride.core.store.Page;
import app.stride.workouts.domain.UserId;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads a user's workouts from the serving region's store. Every method refuses a {@code home} that
 * is not the store's region ({@code wrong-region}) and may throw {@link
 * app.stride.core.store.StoreUnavailableException}.
 */
public interface LoadWorkoutPort {
  /**
   * The workout {@code workoutId} of {@code userId}.
   *
   * @return empty when the user has no such workout (another user's id included)
   */
  Optional<Workout> load(UserId userId, WorkoutId workoutId, RegionId home);

  /**
   * The user's workouts that start at or after {@code from} and before {@code to}, for overlap
   * checks; at most {@link #OVERLAP_SCAN_LIMIT}, newest first.
   */
  List<Workout> startingBetween(UserId userId, Instant from, Instant to, RegionId home);

  /**
   * One page of the user's history, newest start first, continued by an opaque cursor bound to the
   * user and the query's filters.
   *
   * @throws app.stride.core.problem.ProblemException {@code validation-failed} on {@code
   *     query:cursor} for a cursor that was altered, forged or issued for another listing
   */
  Page<Workout> history(UserId userId, HistoryQuery query, RegionId home);

  /** How many workouts an overlap check reads at most. */
  int OVERLAP_SCAN_LIMIT = 200;
}
