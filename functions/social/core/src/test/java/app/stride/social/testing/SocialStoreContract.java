package app.stride.social.testing;

import static app.stride.social.testing.SocialTestData.aCard;
import static app.stride.social.testing.SocialTestData.aGroup;
import static app.stride.social.testing.SocialTestData.aGroupId;
import static app.stride.social.testing.SocialTestData.aMember;
import static app.stride.social.testing.SocialTestData.aMessage;
import static app.stride.social.testing.SocialTestData.anInvite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.store.VersionConflictException;
import app.stride.social.application.port.out.GroupStore.SearchPosition;
import app.stride.social.application.port.out.SocialStores;
import app.stride.social.domain.Ban;
import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.JoinRequest;
import app.stride.social.domain.Membership;
import app.stride.social.domain.Message;
import app.stride.social.domain.MessageId;
import app.stride.social.domain.MessageText;
import app.stride.social.domain.UserId;
import app.stride.social.domain.Visibility;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every social store adapter must do, run against the in-memory stores here and against the
 * real DynamoDB (dynalite) and Firestore (emulator) adapters in the cloud modules' ITs. Each test
 * works in fresh groups, so tests share one table or database.
 */
public abstract class SocialStoreContract {
  /** The stores under test, serving region {@code eu}. */
  protected abstract SocialStores stores();

  @Test
  void group_createLoadReplace_withVersionConflicts() {
    GroupId id = aGroupId("eu");
    Group group = aGroup(id, "Lisbon Runners", "ana", Visibility.PUBLIC);
    stores().groups().create(group);

    assertThatThrownBy(() -> stores().groups().create(group))
        .isInstanceOf(VersionConflictException.class);
    Group grown = group.withMemberCount(2, group.updatedAt().plusSeconds(1));
    stores().groups().replace(grown, 1);
    assertThatThrownBy(
            () -> stores().groups().replace(grown.withMemberCount(3, grown.updatedAt()), 1))
        .isInstanceOf(VersionConflictException.class);
    assertThat(stores().groups().load(id)).contains(grown);
    assertThat(stores().groups().load(aGroupId("eu"))).isEmpty();
  }

  @Test
  void search_matchesPrefixesCaseAndAccentInsensitively_skipsPrivate_andPagesInNameOrder() {
    String unique = "zq" + Long.toString(System.nanoTime(), 36);
    GroupId a = aGroupId("eu");
    GroupId b = aGroupId("eu");
    GroupId c = aGroupId("eu");
    stores()
        .groups()
        .create(aGroup(a, "Ẑq" + unique.substring(2) + " São Paulo", "ana", Visibility.PUBLIC));
    stores().groups().create(aGroup(b, unique.toUpperCase() + " Alfama", "ana", Visibility.PUBLIC));
    stores().groups().create(aGroup(c, unique + " Secret", "ana", Visibility.PRIVATE));

    List<Group> first = stores().groups().searchPublic(unique, Optional.empty(), 1);
    Group last = first.get(0);
    List<Group> rest =
        stores()
            .groups()
            .searchPublic(unique, Optional.of(new SearchPosition(last.nameKey(), last.id())), 5);

    assertThat(first).extracting(Group::id).containsExactly(b);
    assertThat(rest).extracting(Group::id).containsExactly(a);
    assertThat(stores().groups().searchPublic(unique + " sao", Optional.empty(), 5))
        .extracting(Group::id)
        .containsExactly(a);
  }

  @Test
  void membership_conditionalWrites_andListingsByGroupAndByUser() {
    GroupId g1 = aGroupId("eu");
    GroupId g2 = aGroupId("eu");
    String bo = "bo" + Long.toString(System.nanoTime(), 36);
    Membership ana = aMember(g1, "ana");
    stores().memberships().create(ana);
    stores().memberships().create(aMember(g1, bo));
    stores().memberships().create(aMember(g2, bo));

    assertThatThrownBy(() -> stores().memberships().create(ana))
        .isInstanceOf(VersionConflictException.class);
    Membership admin = ana.withRole(GroupRole.ADMIN);
    stores().memberships().replace(admin, 1);
    assertThatThrownBy(() -> stores().memberships().replace(ana.withRole(GroupRole.MEMBER), 1))
        .isInstanceOf(VersionConflictException.class);
    assertThat(stores().memberships().load(g1, new UserId("ana"))).contains(admin);
    assertThat(stores().memberships().members(g1, Optional.empty(), 10))
        .extracting(m -> m.userId().value())
        .containsExactly("ana", bo);
    assertThat(stores().memberships().members(g1, Optional.of(new UserId("ana")), 10))
        .extracting(m -> m.userId().value())
        .containsExactly(bo);
    assertThat(stores().memberships().groupsOf(new UserId(bo), Optional.empty(), 10))
        .extracting(Membership::groupId)
        .containsExactlyElementsOf(
            g1.value().compareTo(g2.value()) < 0 ? List.of(g1, g2) : List.of(g2, g1));

    assertThatThrownBy(() -> stores().memberships().delete(g1, new UserId("ana"), 1))
        .isInstanceOf(VersionConflictException.class);
    stores().memberships().delete(g1, new UserId("ana"), 2);
    assertThat(stores().memberships().load(g1, new UserId("ana"))).isEmpty();
  }

  @Test
  void membership_keepsTheCardAndTheReadMarker() {
    GroupId g = aGroupId("eu");
    Message message = aMessage(g, "ana", 5, "hi");
    Membership bo = aMember(g, "bo");
    stores().memberships().create(bo);
    stores().memberships().replace(bo.readUpTo(message.id()), 1);

    Membership read = stores().memberships().load(g, new UserId("bo")).orElseThrow();

    assertThat(read.card()).isEqualTo(aCard("bo"));
    assertThat(read.lastRead()).contains(message.id());
    assertThat(read.joinedAt()).isEqualTo(bo.joinedAt());
  }

  @Test
  void bansAndJoinRequests() {
    GroupId g = aGroupId("eu");
    UserId eve = new UserId("eve");
    JoinRequest request = new JoinRequest(g, eve, aCard("eve"), SocialTestData.T0);
    stores().memberships().createRequest(request);

    assertThatThrownBy(() -> stores().memberships().createRequest(request))
        .isInstanceOf(VersionConflictException.class);
    assertThat(stores().memberships().requests(g, Optional.empty(), 5)).containsExactly(request);
    stores().memberships().deleteRequest(g, eve);
    stores().memberships().deleteRequest(g, eve);
    assertThat(stores().memberships().request(g, eve)).isEmpty();

    Ban ban = new Ban(g, eve, new UserId("ana"), SocialTestData.T0);
    stores().memberships().putBan(ban);
    stores().memberships().putBan(ban);
    assertThat(stores().memberships().ban(g, eve)).contains(ban);
    assertThat(stores().memberships().ban(g, new UserId("bo"))).isEmpty();
  }

  @Test
  void invites_byHash_withVersionedUses() {
    GroupId g = aGroupId("eu");
    String hash = "h" + Long.toString(System.nanoTime(), 16);
    stores().invites().create(anInvite(hash, g));

    assertThatThrownBy(() -> stores().invites().create(anInvite(hash, g)))
        .isInstanceOf(VersionConflictException.class);
    stores().invites().replace(anInvite(hash, g).used(), 1);
    assertThatThrownBy(() -> stores().invites().replace(anInvite(hash, g).used(), 1))
        .isInstanceOf(VersionConflictException.class);
    assertThat(stores().invites().load(hash).orElseThrow().uses()).isEqualTo(1);
    assertThat(stores().invites().load("unknown")).isEmpty();
  }

  @Test
  void messages_claimOnce_historyNewestFirst_afterOldestFirst() {
    GroupId g = aGroupId("eu");
    Message m1 = aMessage(g, "ana", 1, "one");
    Message m2 = aMessage(g, "bo", 2, "two");
    Message m3 = aMessage(g, "ana", 3, "three");
    for (Message m : List.of(m2, m1, m3)) {
      stores().messages().create(m);
    }

    assertThatThrownBy(() -> stores().messages().create(m1))
        .isInstanceOf(VersionConflictException.class);
    assertThat(stores().messages().history(g, Optional.empty(), 2)).containsExactly(m3, m2);
    assertThat(stores().messages().history(g, Optional.of(m2.id()), 5)).containsExactly(m1);
    assertThat(stores().messages().after(g, Optional.of(m1.id()), 5)).containsExactly(m2, m3);
    assertThat(stores().messages().after(g, Optional.empty(), 1)).containsExactly(m1);
    assertThat(stores().messages().history(aGroupId("eu"), Optional.empty(), 5)).isEmpty();

    MessageId first = stores().messages().claim(g, new UserId("ana"), "client-1", m1.id());
    MessageId again = stores().messages().claim(g, new UserId("ana"), "client-1", m2.id());
    assertThat(first).isEqualTo(m1.id());
    assertThat(again).isEqualTo(m1.id());
    assertThat(stores().messages().claim(g, new UserId("bo"), "client-1", m2.id()))
        .isEqualTo(m2.id());
  }

  @Test
  void messages_editAndTombstone_areVersioned() {
    GroupId g = aGroupId("eu");
    Message sent = aMessage(g, "ana", 1, "helo");
    stores().messages().create(sent);
    Message edited = sent.edit(MessageText.of("hello"), sent.sentAt().plusSeconds(60));
    stores().messages().replace(edited, 1);
    Message tombstone = edited.tombstone(sent.sentAt().plusSeconds(120));
    stores().messages().replace(tombstone, 2);

    assertThatThrownBy(() -> stores().messages().replace(edited, 1))
        .isInstanceOf(VersionConflictException.class);
    Message stored = stores().messages().load(g, sent.id()).orElseThrow();
    assertThat(stored.deleted()).isTrue();
    assertThat(stored.text()).isEmpty();
    assertThat(stored.editedAt()).contains(sent.sentAt().plusSeconds(60));
  }
}
