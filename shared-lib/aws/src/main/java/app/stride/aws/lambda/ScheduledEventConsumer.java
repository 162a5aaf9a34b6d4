package app.stride.aws.lambda;

import app.stride.core.trigger.ScheduledTick;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The AWS-typed face of a scheduled job. A failure propagates, so the scheduler's retry policy (and
 * its dead-letter queue) applies.
 */
public final class ScheduledEventConsumer implements Consumer<ScheduledEvent> {
  private final Consumer<ScheduledTick> job;

  public ScheduledEventConsumer(Consumer<ScheduledTick> job) {
    this.job = Objects.requireNonNull(job, "job");
  }

  @Override
  public void accept(ScheduledEvent event) {
    job.accept(ScheduleEvents.toTick(event));
  }
}
