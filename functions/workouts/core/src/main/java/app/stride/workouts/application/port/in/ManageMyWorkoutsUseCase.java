package app.stride.workouts.application.port.in;

import app.stride.core.auth.Principal;
import app.stride.core.store.Page;
import app.stride.workouts.application.port.out.HistoryQuery;
import app.stride.workouts.domain.UnitSystem;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutDraft;
import app.stride.workouts.domain.WorkoutId;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A user records, reads, edits and deletes their own workouts by hand, in their home region. Every
 * change emits one {@code app.stride.workout.v1.recorded|updated|deleted} event.
 */
public interface ManageMyWorkoutsUseCase {
  /**
   * Records a workout. With an idempotency key, a retry carrying the same workout returns the
   * workout the first request recorded instead of recording it again.
   *
   * @throws app.stride.core.problem.ProblemException {@code validation-failed} for an implausible
   *     workout (each broken rule named), {@code conflict} when it overlaps another workout of the
   *     caller (naming it) or when the key was used for a different workout
   */
  Recorded record(Principal caller, WorkoutDraft draft, Optional<String> idempotencyKey);

  /**
   * One of the caller's workouts.
   *
   * @throws app.stride.core.problem.ProblemException {@code not-found} when the caller has no
   *     workout with this id (another user's included)
   */
  Workout get(Principal caller, WorkoutId workoutId);

  /**
   * Changes one of the caller's workouts by applying {@code change} to its current draft.
   *
   * @throws app.stride.core.problem.ProblemException {@code not-found}, {@code
   *     precondition-failed}, {@code validation-failed}, {@code conflict} (overlap)
   */
  Workout update(
      Principal caller,
      WorkoutId workoutId,
      UnaryOperator<WorkoutDraft> change,
      Precondition precondition);

  /**
   * Deletes one of the caller's workouts.
   *
   * @throws app.stride.core.problem.ProblemException {@code not-found}, {@code precondition-failed}
   */
  void delete(Principal caller, WorkoutId workoutId, Precondition precondition);

  /** One page of the caller's workouts, newest start first. */
  Page<Workout> history(Principal caller, HistoryQuery query);

  /** The unit system the caller reads and enters values in (their profile's, metric if none). */
  UnitSystem units(Principal caller);

  /**
   * The outcome of a record.
   *
   * @param workout the stored workout (its current state on a replay)
   * @param replayed whether an earlier request with the same idempotency key recorded it
   */
  record Recorded(Workout workout, boolean replayed) {}
}
