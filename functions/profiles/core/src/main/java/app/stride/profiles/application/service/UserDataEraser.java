package app.stride.profiles.application.service;

import app.stride.core.event.EventPublisher;
import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.events.profile.v1.ProfileUpdated.Change;
import app.stride.profiles.application.port.in.EraseUserDataCommand;
import app.stride.profiles.application.port.in.EraseUserDataUseCase;
import app.stride.profiles.application.port.out.ProfileStore;
import app.stride.profiles.domain.Profile;
import app.stride.profiles.domain.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link EraseUserDataUseCase} in one region.
 *
 * <p>Erasing is the same store operation as a user deleting their own profile, so the two cannot
 * drift apart: one conditional delete that removes every personal field at once and leaves only a
 * marker (user id, version, pending events) until the outbox is drained. Like every profile
 * deletion it emits {@code app.stride.profile.v1.updated} with change {@code deleted} and no field
 * names, so consumers that copied profile data (e.g. a public card) drop it even before their own
 * eraser runs; the event carries no personal data beyond the user id. Events still pending on the
 * profile are kept and relayed, never lost.
 *
 * <p>A user homed elsewhere is skipped with a log line and nothing is read: their data is not here,
 * and this region's store must not be asked about another region's users.
 */
public final class UserDataEraser implements EraseUserDataUseCase {
  private static final Logger log = LoggerFactory.getLogger(UserDataEraser.class);
  private static final int ATTEMPTS = 3;

  private final ProfileStore store;
  private final EventPublisher publisher;
  private final RegionId servingRegion;
  private final ProfileEvents events;
  private final Clock clock;

  public UserDataEraser(
      ProfileStore store, EventPublisher publisher, RegionId servingRegion, Clock clock) {
    this.store = store;
    this.publisher = publisher;
    this.servingRegion = servingRegion;
    this.events = new ProfileEvents(servingRegion);
    this.clock = clock;
  }

  @Override
  public Erasure erase(EraseUserDataCommand command) {
    if (!servingRegion.equals(command.homeRegion())) {
      log.info(
          "event={} homeRegion={} servingRegion={} skipped: the user's data lives in their home"
              + " region",
          command.eventId(),
          command.homeRegion(),
          servingRegion);
      return Erasure.NOT_THIS_REGION;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        Erasure outcome = eraseOnce(command.userId());
        log.info("event={} region={} erasure={}", command.eventId(), servingRegion, outcome);
        return outcome;
      } catch (VersionConflictException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private Erasure eraseOnce(UserId userId) {
    Optional<Profile> current = store.load(userId, servingRegion);
    if (current.isEmpty()) {
      return Erasure.NOTHING_HELD;
    }
    long version = current.get().version();
    OutboundEvent event =
        events.updated(userId, version, Change.DELETED, List.of(), clock.instant());
    store.delete(userId, version, event, servingRegion);
    publish(userId, event);
    return Erasure.ERASED;
  }

  private void publish(UserId userId, OutboundEvent event) {
    try {
      publisher.publish(event);
      store.markPublished(userId, event.id(), servingRegion);
    } catch (RuntimeException e) {
      log.warn("event={} left in the outbox for the relay: {}", event.id(), e.toString());
    }
  }
}
