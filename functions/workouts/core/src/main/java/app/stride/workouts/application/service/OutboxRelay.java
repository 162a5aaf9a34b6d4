package app.stride.workouts.application.service;

import app.stride.core.event.EventPublisher;
import app.stride.core.region.RegionId;
import app.stride.core.trigger.ScheduledTick;
import app.stride.workouts.application.port.out.WorkoutOutboxPort;
import app.stride.workouts.application.port.out.WorkoutOutboxPort.PendingEvent;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes workout events that a write stored but could not publish at the time (transport down,
 * crash). Run on a schedule; consumers deduplicate on the event id, so publishing twice is
 * harmless.
 */
public final class OutboxRelay implements Consumer<ScheduledTick> {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int BATCH = 100;

  private final WorkoutOutboxPort outbox;
  private final EventPublisher publisher;
  private final RegionId region;

  public OutboxRelay(WorkoutOutboxPort outbox, EventPublisher publisher, RegionId region) {
    this.outbox = outbox;
    this.publisher = publisher;
    this.region = region;
  }

  @Override
  public void accept(ScheduledTick tick) {
    int published = 0;
    for (PendingEvent pending : outbox.pending(BATCH, region)) {
      publisher.publish(pending.event());
      outbox.markPublished(pending.userId(), pending.workoutId(), pending.event().id(), region);
      published++;
    }
    log.info("schedule={} tick={} republished={}", tick.schedule(), tick.id(), published);
  }
}
