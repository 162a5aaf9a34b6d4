package app.stride.planner;

import static app.stride.planner.PlannerTestData.aPlan;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.region.RegionId;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.events.EventCodec;
import app.stride.events.user.v1.UserDeleted;
import app.stride.planner.domain.CalendarFeed;
import app.stride.planner.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The eraser bean as the clouds invoke it: a batch of queue messages, each an {@code
 * app.stride.user.v1.deleted} event, read strictly and erased on its own: the user's plans and
 * calendar feed go, nobody else's.
 */
class PlannerUserEraserTest {
  private static final RegionId EU = new RegionId("eu");
  private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

  private final InMemoryMyPlanStore plans = new InMemoryMyPlanStore(EU);
  private final InMemoryCalendarFeedStore feeds = new InMemoryCalendarFeedStore(EU);
  private final Function<List<QueueMessage>, BatchResult> eraser =
      PlannerFunctions.userEraser(plans, feeds, EU);
  private int planIds;

  @Test
  void aValidEvent_erasesThatUsersPlansAndCalendarFeed_andNobodyElses() {
    hold("usr_1", 2);
    hold("usr_2", 1);

    BatchResult result = eraser.apply(List.of(message("m-1", deleted("usr_1", "eu"))));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(plans.plans.values()).extracting(p -> p.userId().value()).containsOnly("usr_2");
    assertThat(feeds.feeds).containsOnlyKeys(new UserId("usr_2"));
    assertThat(feeds.lookups).containsOnlyKeys("hash-usr_2-1");
  }

  @Test
  void aSecondDelivery_findsNothing_andIsDone() {
    hold("usr_1", 1);
    eraser.apply(List.of(message("m-1", deleted("usr_1", "eu"))));

    BatchResult again = eraser.apply(List.of(message("m-1", deleted("usr_1", "eu"))));

    assertThat(again.failedMessageIds()).isEmpty();
    assertThat(plans.plans).isEmpty();
    assertThat(feeds.feeds).isEmpty();
  }

  @Test
  void aFeedReissuedDuringTheErasure_isErasedToo_withBothTokensLookups() {
    hold("usr_1", 1);
    feeds.beforeNextDelete(() -> reissue("usr_1", 2));

    BatchResult result = eraser.apply(List.of(message("m-1", deleted("usr_1", "eu"))));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(feeds.feeds).isEmpty();
    assertThat(feeds.lookups).isEmpty();
  }

  @Test
  void aStoreThatFails_handsTheMessageBack_withTheFeedRecordKeptForTheNextDelivery() {
    hold("usr_1", 1);
    feeds.failLookupRemovals();

    BatchResult result = eraser.apply(List.of(message("m-1", deleted("usr_1", "eu"))));

    assertThat(result.failedMessageIds()).containsExactly("m-1");
    assertThat(feeds.feeds).containsOnlyKeys(new UserId("usr_1"));
    assertThat(feeds.lookups).containsOnlyKeys("hash-usr_1-1");
  }

  @Test
  void anUnreadableMessage_isHandedBack_andTheRestOfTheBatchIsErased() {
    hold("usr_1", 1);
    hold("usr_2", 1);
    String forged =
        new String(deleted("usr_2", "eu"), StandardCharsets.UTF_8)
            .replace("/stride/eu/auth", "/stride/eu/planner");

    BatchResult result =
        eraser.apply(
            List.of(
                message("m-1", forged.getBytes(StandardCharsets.UTF_8)),
                message("m-2", "not json".getBytes(StandardCharsets.UTF_8)),
                message("m-3", deleted("usr_1", "eu"))));

    assertThat(result.failedMessageIds()).containsExactly("m-1", "m-2");
    assertThat(plans.plans.values()).extracting(p -> p.userId().value()).containsOnly("usr_2");
  }

  @Test
  void aUserIdThePlannerCouldNeverHaveStored_isHandedBack() {
    String foreign =
        new String(deleted("usr_1", "eu"), StandardCharsets.UTF_8).replace("usr_1", "usr 1");

    BatchResult result =
        eraser.apply(List.of(message("m-1", foreign.getBytes(StandardCharsets.UTF_8))));

    assertThat(result.failedMessageIds()).containsExactly("m-1");
  }

  @Test
  void aUserHomedInAnotherRegion_isLeftAlone_andTheMessageIsDone() {
    hold("usr_1", 1);

    BatchResult result = eraser.apply(List.of(message("m-1", deleted("usr_1", "us"))));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(plans.plans).hasSize(1);
    assertThat(feeds.feeds).hasSize(1);
  }

  /** {@code count} plans and a calendar feed (version 1) for {@code user}. */
  private void hold(String user, int count) {
    for (int i = 0; i < count; i++) {
      plans.create(aPlan().withId(String.format("mp_%026d", ++planIds)).of(user).build(), EU);
    }
    reissue(user, 1);
  }

  private void reissue(String user, int version) {
    String hash = "hash-" + user + "-" + version;
    feeds.addLookup(hash, new UserId(user), NOW, EU);
    feeds.save(new CalendarFeed(new UserId(user), hash, "en", NOW, version), version - 1, EU);
  }

  private static byte[] deleted(String user, String region) {
    return new EventCodec().encodeToBytes(UserDeleted.event("ev-" + user, region, user, NOW));
  }

  private static QueueMessage message(String id, byte[] body) {
    return new QueueMessage(id, body, Map.of(), 1);
  }
}
