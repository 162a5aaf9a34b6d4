package app.stride.social.application.service;

import static app.stride.social.testing.SocialTestData.T0;
import static app.stride.social.testing.SocialTestData.aCard;
import static app.stride.social.testing.SocialTestData.aGroupId;
import static app.stride.social.testing.SocialTestData.aMessage;
import static app.stride.social.testing.SocialTestData.anInvite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.social.application.port.in.EraseUserDataUseCase.Erasure;
import app.stride.social.application.port.out.GroupStore;
import app.stride.social.application.port.out.InviteStore;
import app.stride.social.application.port.out.MembershipStore;
import app.stride.social.application.port.out.MessageDeliveryPort.ChatChange;
import app.stride.social.application.port.out.MessageDeliveryPort.Kind;
import app.stride.social.application.port.out.MessageStore;
import app.stride.social.application.port.out.SocialStores;
import app.stride.social.domain.Ban;
import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.JoinRequest;
import app.stride.social.domain.Membership;
import app.stride.social.domain.Message;
import app.stride.social.domain.UserId;
import app.stride.social.domain.Visibility;
import app.stride.social.testing.InMemorySocialStores;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the social eraser removes for a deleted account, and what it leaves to others. */
class UserDataEraserTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
  private static final UserId ANNA = new UserId("usr_1");
  // Shares ANNA's id as a prefix: a careless prefix match would take his data too.
  private static final UserId BEN = new UserId("usr_10");
  private static final UserId CARA = new UserId("usr_2");
  private static final UserId DAN = new UserId("usr_3");

  private final InMemorySocialStores stores = new InMemorySocialStores();
  private final List<ChatChange> delivered = new ArrayList<>();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final UserDataEraser eraser =
      new UserDataEraser(stores.ports(), delivered::add, EU, clock);

  @Test
  void erase_tombstonesTheirMessages_inGroupsTheyAreIn_andGroupsTheyLeft_othersUntouched() {
    GroupId current = groupOf(BEN, ANNA);
    GroupId left = groupOf(BEN);
    Message inCurrent = send(current, ANNA, 1, "see you at 7");
    Message inLeft = send(left, ANNA, 2, "I am out, bye");
    Message bens = send(current, BEN, 3, "ok!");

    Erasure erasure = eraser.erase("ev-1", ANNA, EU);

    assertThat(erasure).isEqualTo(Erasure.ERASED);
    for (Message sent : List.of(inCurrent, inLeft)) {
      Message stored = stores.load(sent.groupId(), sent.id()).orElseThrow();
      assertThat(stored.deleted()).isTrue();
      assertThat(stored.text()).isEmpty();
      assertThat(stored.authorId()).isEqualTo(ANNA);
    }
    assertThat(stores.load(current, bens.id())).contains(bens);
    assertThat(delivered)
        .extracting(ChatChange::kind, c -> c.message().id())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Kind.DELETED, inCurrent.id()),
            org.assertj.core.groups.Tuple.tuple(Kind.DELETED, inLeft.id()));
  }

  @Test
  void erase_aMember_leavesEveryGroup_andGivesTheSeatsBack() {
    GroupId first = groupOf(BEN, ANNA, CARA);
    GroupId second = groupOf(CARA, ANNA);
    GroupId notHers = groupOf(BEN, CARA);

    eraser.erase("ev-1", ANNA, EU);

    assertThat(stores.groupsOf(ANNA, Optional.empty(), 10)).isEmpty();
    assertThat(group(first).memberCount()).isEqualTo(2);
    assertThat(group(first).ownerId()).isEqualTo(BEN);
    assertThat(group(second).memberCount()).isEqualTo(1);
    assertThat(group(notHers).memberCount()).isEqualTo(2);
    assertThat(stores.members(first, Optional.empty(), 10))
        .extracting(Membership::userId)
        .containsExactly(BEN, CARA);
  }

  @Test
  void erase_anOwner_handsTheGroupToTheLongestStandingAdmin() {
    GroupId id = groupOf(ANNA, BEN, CARA, DAN);
    promote(id, CARA);
    promote(id, DAN);

    eraser.erase("ev-1", ANNA, EU);

    // BEN joined before both admins, but an admin comes first; CARA is the senior admin.
    Group after = group(id);
    assertThat(after.ownerId()).isEqualTo(CARA);
    assertThat(after.memberCount()).isEqualTo(3);
    assertThat(stores.load(id, CARA).orElseThrow().storedRole()).isEqualTo(GroupRole.OWNER);
    assertThat(stores.load(id, ANNA)).isEmpty();
    assertThat(after.roleOf(stores.load(id, DAN).orElseThrow())).isEqualTo(GroupRole.ADMIN);
  }

  @Test
  void erase_anOwnerWithoutAdmins_handsTheGroupToTheLongestStandingMember() {
    GroupId id = groupOf(ANNA, CARA, BEN, DAN);

    eraser.erase("ev-1", ANNA, EU);

    assertThat(group(id).ownerId()).isEqualTo(CARA);
    assertThat(group(id).memberCount()).isEqualTo(3);
    assertThat(stores.load(id, ANNA)).isEmpty();
  }

  @Test
  void erase_theLastMember_deletesTheGroup_andItsPendingRequests() {
    GroupId alone = groupOf(ANNA);
    stores.createRequest(new JoinRequest(alone, BEN, aCard("Ben"), T0));
    GroupId bens = groupOf(BEN);
    stores.createRequest(new JoinRequest(bens, CARA, aCard("Cara"), T0));

    Erasure erasure = eraser.erase("ev-1", ANNA, EU);

    assertThat(erasure).isEqualTo(Erasure.ERASED);
    assertThat(stores.load(alone)).isEmpty();
    assertThat(stores.load(alone, ANNA)).isEmpty();
    assertThat(stores.request(alone, BEN)).isEmpty();
    assertThat(stores.request(bens, CARA)).isPresent();
    assertThat(stores.load(bens)).isPresent();
  }

  @Test
  void erase_withdrawsTheirRequests_revokesTheirInvites_andKeepsBansNamingThem() {
    GroupId privateGroup = groupOf(BEN, CARA);
    GroupId other = groupOf(CARA, ANNA);
    stores.createRequest(new JoinRequest(privateGroup, ANNA, aCard("Anna"), T0));
    stores.createRequest(new JoinRequest(privateGroup, DAN, aCard("Dan"), T0));
    stores.create(anInvite("h1", other, ANNA.value()));
    stores.create(anInvite("h2", other, ANNA.value()));
    stores.create(anInvite("h3", other, CARA.value()));
    Ban ban = new Ban(privateGroup, ANNA, BEN, T0);
    stores.putBan(ban);

    eraser.erase("ev-1", ANNA, EU);

    assertThat(stores.request(privateGroup, ANNA)).isEmpty();
    assertThat(stores.request(privateGroup, DAN)).isPresent();
    assertThat(stores.invites).containsOnlyKeys("h3");
    assertThat(stores.ban(privateGroup, ANNA)).contains(ban);
  }

  @Test
  void erase_pagesThroughMoreThanOnePage_ofMessagesAndGroups() {
    List<GroupId> groups = new ArrayList<>();
    for (int i = 0; i < UserDataEraser.PAGE + 3; i++) {
      groups.add(groupOf(BEN, ANNA));
    }
    for (int i = 0; i < UserDataEraser.PAGE + 5; i++) {
      send(groups.get(0), ANNA, i, "message " + i);
    }

    eraser.erase("ev-1", ANNA, EU);

    assertThat(stores.liveBy(ANNA, Optional.empty(), 1000)).isEmpty();
    assertThat(stores.groupsOf(ANNA, Optional.empty(), 1000)).isEmpty();
    assertThat(groups).allMatch(g -> group(g).memberCount() == 1);
  }

  @Test
  void erase_twice_changesNothingTheSecondTime_andReportsNothingHeld() {
    GroupId owned = groupOf(ANNA, BEN);
    groupOf(ANNA);
    send(owned, ANNA, 1, "hi");
    stores.create(anInvite("h1", owned, ANNA.value()));
    eraser.erase("ev-1", ANNA, EU);
    Group afterFirst = group(owned);
    int deliveredFirst = delivered.size();

    Erasure again = eraser.erase("ev-1", ANNA, EU);

    assertThat(again).isEqualTo(Erasure.NOTHING_HELD);
    assertThat(group(owned)).isEqualTo(afterFirst);
    assertThat(delivered).hasSize(deliveredFirst);
  }

  @Test
  void erase_ofAUserHeldNowhere_reportsNothingHeld() {
    groupOf(BEN, CARA);

    assertThat(eraser.erase("ev-1", ANNA, EU)).isEqualTo(Erasure.NOTHING_HELD);
  }

  @Test
  void erase_ofAUserHomedElsewhere_readsAndTouchesNothing() {
    InvocationHandler refuse =
        (proxy, method, args) -> {
          throw new AssertionError("the store was called: " + method.getName());
        };
    UserDataEraser guarded =
        new UserDataEraser(
            new SocialStores(
                proxy(GroupStore.class, refuse),
                proxy(MembershipStore.class, refuse),
                proxy(InviteStore.class, refuse),
                proxy(MessageStore.class, refuse)),
            delivered::add,
            EU,
            clock);

    Erasure erasure = guarded.erase("ev-1", ANNA, RegionId.of("us"));

    assertThat(erasure).isEqualTo(Erasure.NOT_THIS_REGION);
    assertThat(delivered).isEmpty();
  }

  @Test
  void erase_whenAStoreFailsAfterTheGroupIsDeleted_fails_andTheNextRunFinishes() {
    GroupId alone = groupOf(ANNA);
    stores.createRequest(new JoinRequest(alone, BEN, aCard("Ben"), T0));
    UserDataEraser failing = failingOnce(MembershipStore.class, "delete");

    assertThatThrownBy(() -> failing.erase("ev-1", ANNA, EU))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(stores.load(alone)).isEmpty();
    assertThat(stores.load(alone, ANNA)).isPresent();

    assertThat(failing.erase("ev-1", ANNA, EU)).isEqualTo(Erasure.ERASED);
    assertThat(stores.load(alone, ANNA)).isEmpty();
    assertThat(stores.request(alone, BEN)).isEmpty();
  }

  @Test
  void erase_whenAStoreFailsDuringAHandOver_fails_andTheNextRunHandsItOver() {
    GroupId id = groupOf(ANNA, BEN);
    Message message = send(id, ANNA, 1, "hello");
    UserDataEraser failing = failingOnce(GroupStore.class, "replace");

    assertThatThrownBy(() -> failing.erase("ev-1", ANNA, EU))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(stores.load(id, message.id()).orElseThrow().deleted()).isTrue();
    assertThat(group(id).ownerId()).isEqualTo(ANNA);

    assertThat(failing.erase("ev-1", ANNA, EU)).isEqualTo(Erasure.ERASED);
    assertThat(group(id).ownerId()).isEqualTo(BEN);
    assertThat(group(id).memberCount()).isEqualTo(1);
    assertThat(stores.load(id, ANNA)).isEmpty();
  }

  /** A group of this region owned by {@code owner}, its members joined a minute apart in order. */
  private GroupId groupOf(UserId owner, UserId... others) {
    GroupId id = aGroupId("eu");
    stores.create(Membership.join(id, owner, GroupRole.OWNER, aCard(owner.value()), T0));
    for (int i = 0; i < others.length; i++) {
      stores.create(
          Membership.join(
              id, others[i], GroupRole.MEMBER, aCard(others[i].value()), T0.plusSeconds(60L * i)));
    }
    stores.create(
        new Group(
            id,
            "Group " + id.value().substring(id.value().length() - 4),
            Optional.empty(),
            "running",
            Visibility.PUBLIC,
            owner,
            1 + others.length,
            T0,
            T0,
            1));
    return id;
  }

  private void promote(GroupId id, UserId user) {
    Membership current = stores.load(id, user).orElseThrow();
    stores.replace(current.withRole(GroupRole.ADMIN), current.version());
  }

  private Message send(GroupId group, UserId author, int second, String text) {
    Message message = aMessage(group, author.value(), second, text);
    stores.create(message);
    return message;
  }

  private Group group(GroupId id) {
    return stores.load(id).orElseThrow();
  }

  /** An eraser over the stores whose {@code method} of {@code port} fails the first time. */
  private UserDataEraser failingOnce(Class<?> port, String method) {
    boolean[] failed = {false};
    InvocationHandler handler =
        (proxy, called, args) -> {
          if (called.getDeclaringClass().equals(port)
              && called.getName().equals(method)
              && !failed[0]) {
            failed[0] = true;
            throw new StoreUnavailableException("store down", null);
          }
          try {
            return called.invoke(stores, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return new UserDataEraser(
        new SocialStores(
            proxy(GroupStore.class, handler),
            proxy(MembershipStore.class, handler),
            proxy(InviteStore.class, handler),
            proxy(MessageStore.class, handler)),
        delivered::add,
        EU,
        clock);
  }

  private static <T> T proxy(Class<T> port, InvocationHandler handler) {
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
  }
}
