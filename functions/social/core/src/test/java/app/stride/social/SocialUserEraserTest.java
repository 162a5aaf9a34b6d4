package app.stride.social;

import static app.stride.social.testing.SocialTestData.T0;
import static app.stride.social.testing.SocialTestData.aCard;
import static app.stride.social.testing.SocialTestData.aGroup;
import static app.stride.social.testing.SocialTestData.aGroupId;
import static app.stride.social.testing.SocialTestData.aMessage;
import static app.stride.social.testing.SocialTestData.anInvite;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.events.EventCodec;
import app.stride.events.user.v1.UserDeleted;
import app.stride.social.application.port.out.MessageDeliveryPort.ChatChange;
import app.stride.social.application.port.out.MessageStore;
import app.stride.social.application.port.out.SocialStores;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.Membership;
import app.stride.social.domain.Message;
import app.stride.social.domain.UserId;
import app.stride.social.domain.Visibility;
import app.stride.social.testing.InMemorySocialStores;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The eraser bean as the clouds invoke it: a batch of queue messages, each an {@code
 * app.stride.user.v1.deleted} event, read strictly and erased on its own. What the erasure does to
 * each kind of social data is {@code UserDataEraserTest}'s; here, that the event reaches it.
 */
class SocialUserEraserTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

  private final InMemorySocialStores stores = new InMemorySocialStores();
  private final List<ChatChange> delivered = new ArrayList<>();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final Function<List<QueueMessage>, BatchResult> eraser =
      SocialFunctions.userEraser(stores.ports(), delivered::add, EU, clock);
  private final GroupId group = aGroupId("eu");

  @Test
  void aValidEvent_erasesThatUsersSocialData_andNobodyElses() {
    Message annas = joinAndSend("usr_1", 1);
    Message bens = joinAndSend("usr_2", 2);
    stores.create(anInvite("hash-1", group, "usr_1"));

    BatchResult result = eraser.apply(List.of(message("m-1", deleted("usr_1", "eu"))));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(stores.load(group, new UserId("usr_1"))).isEmpty();
    assertThat(stores.load(group, annas.id()).orElseThrow().deleted()).isTrue();
    assertThat(stores.invites).isEmpty();
    assertThat(stores.load(group, new UserId("usr_2"))).isPresent();
    assertThat(stores.load(group, bens.id())).contains(bens);
    assertThat(delivered).extracting(c -> c.message().id()).containsExactly(annas.id());
  }

  @Test
  void aSecondDelivery_findsNothing_andIsDone() {
    joinAndSend("usr_1", 1);
    joinAndSend("usr_2", 2);
    eraser.apply(List.of(message("m-1", deleted("usr_1", "eu"))));
    delivered.clear();

    BatchResult again = eraser.apply(List.of(message("m-1", deleted("usr_1", "eu"))));

    assertThat(again.failedMessageIds()).isEmpty();
    assertThat(delivered).isEmpty();
  }

  @Test
  void anUnreadableMessage_isHandedBack_andTheRestOfTheBatchIsErased() {
    joinAndSend("usr_1", 1);
    joinAndSend("usr_2", 2);
    String forged =
        new String(deleted("usr_2", "eu"), StandardCharsets.UTF_8)
            .replace("/stride/eu/auth", "/stride/eu/social");

    BatchResult result =
        eraser.apply(
            List.of(
                message("m-1", forged.getBytes(StandardCharsets.UTF_8)),
                message("m-2", "not json".getBytes(StandardCharsets.UTF_8)),
                message("m-3", deleted("usr_1", "eu"))));

    assertThat(result.failedMessageIds()).containsExactly("m-1", "m-2");
    assertThat(stores.load(group, new UserId("usr_1"))).isEmpty();
    assertThat(stores.load(group, new UserId("usr_2"))).isPresent();
  }

  @Test
  void aUserIdSocialCouldNeverHaveStored_isHandedBack() {
    String foreign =
        new String(deleted("usr_1", "eu"), StandardCharsets.UTF_8).replace("usr_1", "usr 1");

    BatchResult result =
        eraser.apply(List.of(message("m-1", foreign.getBytes(StandardCharsets.UTF_8))));

    assertThat(result.failedMessageIds()).containsExactly("m-1");
  }

  @Test
  void aUserHomedInAnotherRegion_isLeftAlone_andTheMessageIsDone() {
    Message annas = joinAndSend("usr_1", 1);

    BatchResult result = eraser.apply(List.of(message("m-1", deleted("usr_1", "us"))));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(stores.load(group, new UserId("usr_1"))).isPresent();
    assertThat(stores.load(group, annas.id())).contains(annas);
  }

  @Test
  void aStoreThatFails_handsTheMessageBack_forTheNextDeliveryToFinish() {
    joinAndSend("usr_1", 1);
    joinAndSend("usr_2", 2);
    Function<List<QueueMessage>, BatchResult> failing =
        SocialFunctions.userEraser(
            new SocialStores(stores, stores, stores, messagesDown()), delivered::add, EU, clock);

    BatchResult result = failing.apply(List.of(message("m-1", deleted("usr_1", "eu"))));

    assertThat(result.failedMessageIds()).containsExactly("m-1");
    assertThat(eraser.apply(List.of(message("m-1", deleted("usr_1", "eu")))).failedMessageIds())
        .isEmpty();
    assertThat(stores.load(group, new UserId("usr_1"))).isEmpty();
  }

  /** {@code user} joins the group (created by the first to join) and sends one message. */
  private Message joinAndSend(String user, int second) {
    if (stores.load(group).isEmpty()) {
      stores.create(aGroup(group, "Morning runs", user, Visibility.PUBLIC));
      stores.create(Membership.join(group, new UserId(user), GroupRole.OWNER, aCard(user), T0));
    } else {
      Membership joined =
          Membership.join(group, new UserId(user), GroupRole.MEMBER, aCard(user), T0);
      stores.create(joined);
      var current = stores.load(group).orElseThrow();
      stores.replace(current.withMemberCount(current.memberCount() + 1, T0), current.version());
    }
    Message message = aMessage(group, user, second, "hello from " + user);
    stores.create(message);
    return message;
  }

  /** The message store with every call failing as an unreachable store does. */
  private MessageStore messagesDown() {
    return (MessageStore)
        Proxy.newProxyInstance(
            MessageStore.class.getClassLoader(),
            new Class<?>[] {MessageStore.class},
            (proxy, method, args) -> {
              throw new StoreUnavailableException("messages down", null);
            });
  }

  private static byte[] deleted(String user, String region) {
    return new EventCodec().encodeToBytes(UserDeleted.event("ev-" + user, region, user, NOW));
  }

  private static QueueMessage message(String id, byte[] body) {
    return new QueueMessage(id, body, Map.of(), 1);
  }
}
