package app.stride.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.trigger.ScheduledTick;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleEventsTest {

  @Test
  void toTick_takesIdTimeAndTheScheduleNameFromItsArn() {
    ScheduledEvent event = Fixtures.event("scheduler-event.json", ScheduledEvent.class);

    ScheduledTick tick = ScheduleEvents.toTick(event);

    assertThat(tick.id()).isEqualTo("d2a4c1e0-5b7f-4c3e-9a61-0f1e2d3c4b5a");
    assertThat(tick.schedule()).isEqualTo("profiles-outbox-relay");
    assertThat(tick.time()).isEqualTo(Instant.parse("2025-03-12T10:15:00Z"));
  }

  @Test
  void toTick_withoutResourcesNamesTheScheduleUnknown() {
    ScheduledEvent event =
        new ScheduledEvent().withId("x").withResources(new ArrayList<>(List.of()));

    assertThat(ScheduleEvents.toTick(event).schedule()).isEqualTo("unknown");
  }

  @Test
  void scheduledEventConsumer_handsTheTickToTheJob() {
    List<ScheduledTick> seen = new ArrayList<>();
    ScheduledEventConsumer consumer = new ScheduledEventConsumer(seen::add);

    consumer.accept(Fixtures.event("scheduler-event.json", ScheduledEvent.class));

    assertThat(seen).extracting(ScheduledTick::schedule).containsExactly("profiles-outbox-relay");
  }
}
