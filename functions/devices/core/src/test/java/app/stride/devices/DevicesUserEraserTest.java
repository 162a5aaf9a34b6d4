package app.stride.devices;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.region.RegionId;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.devices.application.service.HistoryTestData;
import app.stride.devices.application.service.MemoryConnections;
import app.stride.devices.application.service.MemoryErasedAccounts;
import app.stride.devices.application.service.MemoryRecordedWorkouts;
import app.stride.devices.application.service.MemoryStores;
import app.stride.devices.connection.LocalAesGcmTokenCipher;
import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.UserId;
import app.stride.events.CloudEvent;
import app.stride.events.EventCodec;
import app.stride.events.user.v1.UserDeleted;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The eraser bean as the clouds invoke it: a batch of queue messages, each an {@code
 * app.stride.user.v1.deleted} event, read strictly and erased on its own.
 */
class DevicesUserEraserTest {
  private static final RegionId EU = new RegionId("eu");
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  private final MemoryStores stores = new MemoryStores();
  private final MemoryErasedAccounts erased = new MemoryErasedAccounts();
  private final Function<List<QueueMessage>, BatchResult> eraser =
      DevicesFunctions.userEraser(
          new DevicesFunctions.Ports(
              stores,
              stores,
              stores,
              stores,
              (kind, key, body) -> {},
              stores::publish,
              new MemoryConnections(),
              LocalAesGcmTokenCipher.of("test", Secret.ofBytes(new byte[32])),
              new MemoryRecordedWorkouts(),
              erased),
          Map.of(),
          EU,
          Clock.systemUTC());

  @Test
  void aValidEvent_erasesThatUsersActivitiesAndStreams() {
    hold("usr_1");
    hold("usr_2");

    BatchResult result = eraser.apply(List.of(message("m-1", deleted("usr_1", "eu"))));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(stores.activities.values())
        .extracting(a -> a.userId().value())
        .containsOnly("usr_2");
    assertThat(stores.objects.keySet()).containsExactly("samples/usr_2/a");
    assertThat(erased.markers).containsOnlyKeys(new UserId("usr_1"));
  }

  @Test
  void anUnreadableMessage_isHandedBack_andTheRestOfTheBatchIsErased() {
    hold("usr_1");
    hold("usr_2");
    String forged =
        new String(deleted("usr_2", "eu"), StandardCharsets.UTF_8)
            .replace("/stride/eu/auth", "/stride/eu/devices");

    BatchResult result =
        eraser.apply(
            List.of(
                message("m-1", forged.getBytes(StandardCharsets.UTF_8)),
                message("m-2", "not json".getBytes(StandardCharsets.UTF_8)),
                message("m-3", deleted("usr_1", "eu"))));

    assertThat(result.failedMessageIds()).containsExactly("m-1", "m-2");
    assertThat(stores.activities.values())
        .extracting(a -> a.userId().value())
        .containsOnly("usr_2");
  }

  @Test
  void aUserHomedInAnotherRegion_isLeftAlone_andTheMessageIsDone() {
    hold("usr_1");

    BatchResult result = eraser.apply(List.of(message("m-1", deleted("usr_1", "us"))));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(stores.activities).hasSize(1);
  }

  private void hold(String user) {
    Activity activity =
        HistoryTestData.anActivity(
            new UserId(user), NOW.minus(Duration.ofDays(1)), Duration.ofMinutes(30), 5000.0);
    stores.activities.put(user + "/" + activity.id(), activity);
    stores.put("samples/" + user + "/a", new byte[] {1}, "application/json");
  }

  private static byte[] deleted(String user, String region) {
    CloudEvent<UserDeleted> event = UserDeleted.event("ev-" + user, region, user, NOW);
    return new EventCodec().encodeToBytes(event);
  }

  private static QueueMessage message(String id, byte[] body) {
    return new QueueMessage(id, body, Map.of(), 1);
  }
}
