package app.stride.workouts.application.service;

import app.stride.core.region.RegionId;
import app.stride.workouts.application.port.in.EraseUserDataUseCase;
import app.stride.workouts.application.port.out.EraseWorkoutsPort;
import app.stride.workouts.domain.UserId;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link EraseUserDataUseCase} in one region: one {@link EraseWorkoutsPort#eraseAll} of the
 * user's workouts, delete markers and idempotency claims.
 *
 * <p>The eraser publishes nothing: no {@code app.stride.workout.v1.deleted} per workout, as a user
 * deleting one workout would emit. Anyone holding data derived from workout events learns of the
 * deletion from {@code app.stride.user.v1.deleted} itself, which every capability's eraser takes.
 * Events still pending in the erased items' outbox are dropped with them, unpublished: they are
 * about data that no longer exists, and relaying them later would spread it again.
 *
 * <p>A user homed elsewhere is skipped with a log line and the store is not asked: their data is
 * not here, and this region's store must not be asked about another region's users. A store failure
 * propagates, so the message is redelivered and the erasure resumes with what is left. The logs
 * name the event, the region, the outcome and the count, never the user.
 */
public final class UserDataEraser implements EraseUserDataUseCase {
  private static final Logger log = LoggerFactory.getLogger(UserDataEraser.class);

  private final EraseWorkoutsPort store;
  private final RegionId servingRegion;

  public UserDataEraser(EraseWorkoutsPort store, RegionId servingRegion) {
    this.store = Objects.requireNonNull(store, "store");
    this.servingRegion = Objects.requireNonNull(servingRegion, "servingRegion");
  }

  @Override
  public Erasure erase(String eventId, UserId userId, RegionId homeRegion) {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(homeRegion, "homeRegion");
    if (!servingRegion.equals(homeRegion)) {
      log.info(
          "event={} homeRegion={} servingRegion={} erasure={}: the user's data lives in their home"
              + " region",
          eventId,
          homeRegion,
          servingRegion,
          Erasure.NOT_THIS_REGION);
      return Erasure.NOT_THIS_REGION;
    }
    int erased = store.eraseAll(userId, servingRegion);
    Erasure outcome = erased > 0 ? Erasure.ERASED : Erasure.NOTHING_HELD;
    log.info("event={} region={} erasure={} erased={}", eventId, servingRegion, outcome, erased);
    return outcome;
  }
}
