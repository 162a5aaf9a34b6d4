package app.stride.planner.application.port.in;

import app.stride.core.region.RegionId;
import app.stride.planner.domain.UserId;

/**
 * Erases everything the planner holds about a user whose account was deleted ({@code
 * app.stride.user.v1.deleted}): their plans (with each plan's schedule, pauses and session log) and
 * their calendar feed (its token stops working first). Delivery of that event is at-least-once, so
 * erasing is idempotent: a user with nothing left is a no-op, not an error.
 */
public interface EraseUserDataUseCase {
  /**
   * Erases the user's planner data from this region's store, if this region is their home.
   *
   * @param eventId the event that asked, for the log line
   * @return what happened; every outcome means nothing of the user is left here
   * @throws app.stride.core.store.StoreUnavailableException when the store cannot be reached (the
   *     caller retries the message, and the next run resumes)
   * @throws app.stride.core.store.VersionConflictException when the feed kept changing under the
   *     erasure over a few attempts (the caller retries the message)
   */
  Erasure erase(String eventId, UserId userId, RegionId homeRegion);

  /** The outcome of one erasure request. */
  enum Erasure {
    /** Plans or a calendar feed were removed. */
    ERASED,
    /** There was nothing of the user in this region: already erased, or never created. */
    NOTHING_HELD,
    /** The user's home is another region; its own eraser erases there, nothing was touched here. */
    NOT_THIS_REGION
  }
}
