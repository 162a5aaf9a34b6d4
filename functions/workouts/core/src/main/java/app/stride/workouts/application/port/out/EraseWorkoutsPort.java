package app.stride.workouts.application.port.out;

import app.stride.core.region.RegionId;
import app.stride.workouts.domain.UserId;

/**
 * Removes everything the workouts store of the serving region holds about one user, for the erasure
 * of a deleted account ({@code app.stride.user.v1.deleted}).
 *
 * <p>What goes: every workout of the user, every delete marker still waiting for its event, and
 * every idempotency claim of theirs. Events still pending in the erased items' outbox go with them
 * and are never published: the erasure of a user's data also drops the not yet relayed events about
 * that data (consumers learn of the deletion from {@code app.stride.user.v1.deleted} itself). The
 * user's unit preference is not workouts' data (it is read from the profiles store, which erases
 * it) and is left alone.
 */
public interface EraseWorkoutsPort {
  /**
   * Deletes every workout, delete marker and idempotency claim of {@code userId}, a page at a time;
   * deleting nothing is fine, so a second call finds nothing and returns 0.
   *
   * @return how many stored records (workouts, markers and claims together) were deleted
   * @throws app.stride.core.problem.ProblemException {@code wrong-region} when {@code home} is not
   *     the store's region; nothing is read or deleted then
   * @throws app.stride.core.store.StoreUnavailableException when the store cannot be reached: what
   *     was deleted stays deleted, a later call removes the rest
   */
  int eraseAll(UserId userId, RegionId home);
}
