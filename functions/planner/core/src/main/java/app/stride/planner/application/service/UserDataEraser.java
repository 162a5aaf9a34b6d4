package app.stride.planner.application.service;

import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.planner.application.port.in.EraseUserDataUseCase;
import app.stride.planner.application.port.out.CalendarFeedStore;
import app.stride.planner.application.port.out.EraseMyPlansPort;
import app.stride.planner.domain.CalendarFeed;
import app.stride.planner.domain.UserId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link EraseUserDataUseCase} in one region.
 *
 * <p>The calendar feed goes first, lookup before record: the lookup is the only item that names the
 * user under the token's hash, and once the record is gone nothing leads to it any more, so a
 * failure between the two leaves the record for the next delivery to find, never an orphaned
 * lookup. A feed reissued meanwhile (an access token stays valid for minutes after the deletion)
 * fails the record's conditional delete, and the erasure starts the feed over with the new one.
 * Then every plan, each with its schedule, pauses and session log ({@link EraseMyPlansPort}).
 *
 * <p>A user homed elsewhere is skipped with a log line and nothing is read: their data is not here,
 * and this region's store must not be asked about another region's users.
 */
public final class UserDataEraser implements EraseUserDataUseCase {
  private static final Logger log = LoggerFactory.getLogger(UserDataEraser.class);
  private static final int ATTEMPTS = 3;

  private final EraseMyPlansPort plans;
  private final CalendarFeedStore feeds;
  private final RegionId servingRegion;

  public UserDataEraser(EraseMyPlansPort plans, CalendarFeedStore feeds, RegionId servingRegion) {
    this.plans = plans;
    this.feeds = feeds;
    this.servingRegion = servingRegion;
  }

  @Override
  public Erasure erase(String eventId, UserId userId, RegionId homeRegion) {
    if (!servingRegion.equals(homeRegion)) {
      log.info(
          "event={} homeRegion={} servingRegion={} skipped: the user's data lives in their home"
              + " region",
          eventId,
          homeRegion,
          servingRegion);
      return Erasure.NOT_THIS_REGION;
    }
    boolean feed = eraseFeed(userId);
    int erasedPlans = plans.eraseAll(userId, servingRegion);
    Erasure outcome = feed || erasedPlans > 0 ? Erasure.ERASED : Erasure.NOTHING_HELD;
    log.info(
        "event={} region={} erasure={} plans={} calendarFeed={}",
        eventId,
        servingRegion,
        outcome,
        erasedPlans,
        feed);
    return outcome;
  }

  /** Whether a feed was there to erase. */
  private boolean eraseFeed(UserId userId) {
    boolean found = false;
    for (int attempt = 1; ; attempt++) {
      Optional<CalendarFeed> current = feeds.load(userId, servingRegion);
      if (current.isEmpty()) {
        return found;
      }
      found = true;
      feeds.removeLookup(current.get().tokenHash(), servingRegion);
      try {
        feeds.delete(userId, current.get().version(), servingRegion);
        return true;
      } catch (VersionConflictException reissued) {
        if (attempt >= ATTEMPTS) {
          throw reissued;
        }
      }
    }
  }
}
