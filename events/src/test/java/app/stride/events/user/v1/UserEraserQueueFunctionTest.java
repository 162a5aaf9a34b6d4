package app.stride.events.user.v1;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.region.RegionId;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each message of a batch read and erased on its own; what fails is handed back, nothing else. */
class UserEraserQueueFunctionTest {
  private final List<String> erased = new ArrayList<>();
  private final UserEraserQueueFunction<String> eraser =
      new UserEraserQueueFunction<>(
          id -> {
            if (!id.startsWith("usr_")) {
              throw new IllegalArgumentException("not a user id");
            }
            return id;
          },
          (eventId, user, home) -> {
            if (user.equals("usr_fails")) {
              throw new IllegalStateException("store down");
            }
            erased.add(eventId + " " + user + " " + home.value());
          });

  @Test
  void eachReadableMessage_isErased_withTheEventsIdUserAndHomeRegion() {
    BatchResult result = eraser.apply(List.of(message("m-1", deleted("ev-1", "usr_1", "eu"))));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(erased).containsExactly("ev-1 usr_1 eu");
  }

  @Test
  void unreadableForeignAndFailedMessages_areHandedBack_andTheOthersErased() {
    BatchResult result =
        eraser.apply(
            List.of(
                message("m-1", "not json".getBytes(StandardCharsets.UTF_8)),
                message("m-2", deleted("ev-2", "usr_fails", "eu")),
                message("m-3", deleted("ev-3", "guest-3", "eu")),
                message("m-4", deleted("ev-4", "usr_4", "apac"))));

    assertThat(result.failedMessageIds()).containsExactly("m-1", "m-2", "m-3");
    assertThat(erased).containsExactly("ev-4 usr_4 apac");
  }

  @Test
  void theHomeRegion_reachesTheEraserAsARegionId() {
    List<RegionId> homes = new ArrayList<>();
    new UserEraserQueueFunction<>(id -> id, (eventId, user, home) -> homes.add(home))
        .apply(List.of(message("m-1", deleted("ev-1", "usr_1", "us"))));

    assertThat(homes).containsExactly(RegionId.of("us"));
  }

  private static byte[] deleted(String eventId, String user, String region) {
    return new EventCodec()
        .encodeToBytes(
            UserDeleted.event(eventId, region, user, Instant.parse("2026-11-28T09:00:00Z")));
  }

  private static QueueMessage message(String id, byte[] body) {
    return new QueueMessage(id, body, Map.of(), 1);
  }
}
