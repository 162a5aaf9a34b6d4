package app.stride.devices.application.service;

import app.stride.core.event.EventPublisher;
import app.stride.core.region.RegionId;
import app.stride.core.trigger.ScheduledTick;
import app.stride.devices.application.port.out.ActivityOutboxPort;
import app.stride.devices.application.port.out.ActivityOutboxPort.PendingEvent;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes activity events that a write stored but could not publish at the time (transport down,
 * crash). Run on a schedule; consumers deduplicate on the event id, so publishing twice is
 * harmless.
 */
public final class ActivityOutboxRelay implements Consumer<ScheduledTick> {
  private static final Logger log = LoggerFactory.getLogger(ActivityOutboxRelay.class);
  private static final int BATCH = 100;

  private final ActivityOutboxPort outbox;
  private final EventPublisher publisher;
  private final RegionId region;

  public ActivityOutboxRelay(ActivityOutboxPort outbox, EventPublisher publisher, RegionId region) {
    this.outbox = outbox;
    this.publisher = publisher;
    this.region = region;
  }

  @Override
  public void accept(ScheduledTick tick) {
    int published = 0;
    for (PendingEvent pending : outbox.pending(BATCH, region)) {
      publisher.publish(pending.event());
      outbox.markPublished(pending.userId(), pending.activityId(), pending.event().id(), region);
      published++;
    }
    log.info("schedule={} tick={} republished={}", tick.schedule(), tick.id(), published);
  }
}
