package app.stride.devices.application.service;

import app.stride.core.event.EventPublisher;
import app.stride.core.region.RegionId;
import app.stride.core.trigger.ScheduledTick;
import app.stride.devices.application.port.out.ActivityOutboxPort;
import app.stride.devices.application.port.out.ActivityOutboxPort.PendingEvent;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.domain.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes activity events that a write stored but did not publish (transport down, crash, a check
 * after writing that failed). Run on a schedule; consumers deduplicate on the event id, so
 * publishing twice is harmless.
 *
 * <p>An event of an erased account is never published: the relay asks for each account whose events
 * it holds whether it was erased ({@link ErasedAccounts}, a strongly consistent read), and an
 * erased account's events are cleared from their outboxes unsent. They belong to a write that
 * landed after or during the erasure, whose activities the write's own check after writing or the
 * erasure's sweep removes; the relay must not announce them meanwhile. So, as for a write's own
 * publication ({@link HeldEvents}), an event leaves only after a check that found its account
 * there; what remains is an erasure marked between that check and the send, milliseconds.
 */
public final class ActivityOutboxRelay implements Consumer<ScheduledTick> {
  private static final Logger log = LoggerFactory.getLogger(ActivityOutboxRelay.class);
  private static final int BATCH = 100;

  private final ActivityOutboxPort outbox;
  private final EventPublisher publisher;
  private final ErasedAccounts erased;
  private final RegionId region;

  public ActivityOutboxRelay(
      ActivityOutboxPort outbox, EventPublisher publisher, ErasedAccounts erased, RegionId region) {
    this.outbox = outbox;
    this.publisher = publisher;
    this.erased = erased;
    this.region = region;
  }

  @Override
  public void accept(ScheduledTick tick) {
    int published = 0;
    int dropped = 0;
    Map<UserId, Boolean> erasedAccounts = new HashMap<>();
    for (PendingEvent pending : outbox.pending(BATCH, region)) {
      boolean gone =
          erasedAccounts.computeIfAbsent(pending.userId(), user -> erased.isErased(user, region));
      if (gone) {
        // Cleared unsent: the account's activities are being removed with it.
        outbox.markPublished(pending.userId(), pending.activityId(), pending.event().id(), region);
        dropped++;
        continue;
      }
      publisher.publish(pending.event());
      outbox.markPublished(pending.userId(), pending.activityId(), pending.event().id(), region);
      published++;
    }
    log.info(
        "schedule={} tick={} republished={} dropped_erased={}",
        tick.schedule(),
        tick.id(),
        published,
        dropped);
  }
}
