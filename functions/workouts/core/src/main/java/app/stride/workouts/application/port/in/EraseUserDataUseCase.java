package app.stride.workouts.application.port.in;

import app.stride.core.region.RegionId;
import app.stride.workouts.domain.UserId;

/**
 * Erases everything the workouts capability holds about a user whose account was deleted ({@code
 * app.stride.user.v1.deleted}). Delivery of that event is at-least-once, so erasing is idempotent:
 * a user with nothing left is a no-op, not an error.
 */
public interface EraseUserDataUseCase {
  /**
   * Erases the user's workouts and idempotency claims from this region's store, if this region is
   * their home. Publishes nothing; events still pending on the erased workouts are dropped with
   * them ({@link app.stride.workouts.application.port.out.EraseWorkoutsPort}).
   *
   * @param eventId the id of the event asking for the erasure, for the logs
   * @param userId the user whose account was deleted
   * @param homeRegion the user's home region, the only region holding their workouts
   * @return what happened; every outcome means nothing of the user's workouts is left here
   * @throws app.stride.core.store.StoreUnavailableException when the store cannot be reached (the
   *     caller fails the message so it is redelivered; what was deleted stays deleted)
   */
  Erasure erase(String eventId, UserId userId, RegionId homeRegion);

  /** The outcome of one erasure request. */
  enum Erasure {
    /** Workouts, delete markers or idempotency claims of the user were here and are gone. */
    ERASED,
    /** Nothing of the user's was held in this region: erased before, or never recorded. */
    NOTHING_HELD,
    /** The user's home is another region; its own eraser erases there, nothing was touched here. */
    NOT_THIS_REGION
  }
}
