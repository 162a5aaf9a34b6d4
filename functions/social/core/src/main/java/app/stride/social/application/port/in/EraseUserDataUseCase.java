package app.stride.social.application.port.in;

import app.stride.core.region.RegionId;
import app.stride.social.domain.UserId;

/**
 * Erases what the social capability holds about a user whose account was deleted ({@code
 * app.stride.user.v1.deleted}) in this region's store. Delivery of that event is at-least-once, so
 * erasing is idempotent: a user with nothing left is a no-op, not an error.
 */
public interface EraseUserDataUseCase {
  /**
   * Erases the user's social data from this region's store, if this region is their home.
   *
   * @param eventId the event's id, for the log
   * @param userId the deleted user
   * @param homeRegion the user's home region, as the event names it
   * @return what happened
   * @throws app.stride.core.store.StoreUnavailableException when a store cannot be reached (the
   *     caller retries the message; the next run resumes where this one stopped)
   * @throws RuntimeException any other failure of a step, likewise retried
   */
  Erasure erase(String eventId, UserId userId, RegionId homeRegion);

  /** The outcome of one erasure request. */
  enum Erasure {
    /** Something of the user's was held here and is erased now. */
    ERASED,
    /** Nothing of the user's was left here: erased before, or never any. */
    NOTHING_HELD,
    /** The user's home is another region: nothing was read or touched here. */
    NOT_THIS_REGION
  }
}
