package app.stride.gcp.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.trigger.QueueMessage;
import app.stride.core.trigger.ScheduledTick;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PubSubPushesTest {

  @Test
  void toQueueMessage_decodesIdBodyAttributesAndDeliveryAttempt() {
    QueueMessage message =
        PubSubPushes.toQueueMessage(PubSubEvents.published("messagePublished-queue"));

    assertThat(message.id()).isEqualTo("2070443601311540");
    assertThat(message.bodyText()).isEqualTo("{\"hello\":\"world\"}");
    assertThat(message.attributes())
        .containsEntry("ce-id", "evt-1")
        .containsEntry("ce-type", "app.stride.profile.v1.updated")
        .hasSize(2);
    assertThat(message.deliveryAttempt()).isEqualTo(3);
  }

  @Test
  void toQueueMessage_countsAFirstDeliveryWhenTheAttemptIsNotReported() {
    QueueMessage message =
        PubSubPushes.toQueueMessage(PubSubEvents.published("messagePublished-schedule"));

    assertThat(message.deliveryAttempt()).isEqualTo(1);
  }

  @Test
  void toTick_takesTheScheduleAttributeAndPublishTime() {
    ScheduledTick tick =
        PubSubPushes.toTick(PubSubEvents.published("messagePublished-schedule"), "fallback");

    assertThat(tick)
        .isEqualTo(
            new ScheduledTick(
                "9000000001", "profiles-outbox-relay", Instant.parse("2026-01-02T03:05:00Z")));
  }

  @Test
  void toTick_fallsBackToTheFunctionNameWithoutAScheduleAttribute() {
    ScheduledTick tick =
        PubSubPushes.toTick(PubSubEvents.published("messagePublished-queue"), "fallback");

    assertThat(tick.schedule()).isEqualTo("fallback");
  }

  @Test
  void toQueueMessage_refusesOtherEventTypes() {
    var storageEvent =
        CloudEventBuilder.v1()
            .withId("1")
            .withType("google.cloud.storage.object.v1.finalized")
            .withSource(URI.create("//storage.googleapis.com/b"))
            .withData(new byte[] {'{', '}'})
            .build();

    assertThatThrownBy(() -> PubSubPushes.toQueueMessage(storageEvent))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("google.cloud.storage.object.v1.finalized");
  }
}
