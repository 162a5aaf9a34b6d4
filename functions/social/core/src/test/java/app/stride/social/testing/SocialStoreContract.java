package app.stride.social.testing;

import static app.stride.social.testing.SocialTestData.aCard;
import static app.stride.social.testing.SocialTestData.aGroup;
import static app.stride.social.testing.SocialTestData.aGroupId;
import static app.stride.social.testing.SocialTestData.aMember;
import static app.stride.social.testing.SocialTestData.aMessage;
import static app.stride.social.testing.SocialTestData.aUniqueUser;
import static app.stride.social.testing.SocialTestData.anInvite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.store.VersionConflictException;
import app.stride.social.application.port.out.GroupStore.SearchPosition;
import app.stride.social.application.port.out.MessageStore.Position;
import app.stride.social.application.port.out.SocialStores;
import app.stride.social.domain.Ban;
import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.Invite;
import app.stride.social.domain.JoinRequest;
import app.stride.social.domain.Membership;
import app.stride.social.domain.Message;
import app.stride.social.domain.MessageId;
import app.stride.social.domain.MessageText;
import app.stride.social.domain.UserId;
import app.stride.social.domain.Visibility;
import java.util.Comparator;
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
  void group_delete_isVersioned_andRemovesOnlyThatGroup() {
    GroupId id = aGroupId("eu");
    GroupId other = aGroupId("eu");
    Group group = aGroup(id, "Porto Trail", "ana", Visibility.PUBLIC);
    stores().groups().create(group);
    stores().groups().create(aGroup(other, "Porto Road", "ana", Visibility.PUBLIC));
    Group grown = group.withMemberCount(2, group.updatedAt().plusSeconds(1));
    stores().groups().replace(grown, 1);

    assertThatThrownBy(() -> stores().groups().delete(id, 1))
        .isInstanceOf(VersionConflictException.class);
    stores().groups().delete(id, 2);

    assertThat(stores().groups().load(id)).isEmpty();
    assertThat(stores().groups().load(other)).isPresent();
    assertThatThrownBy(() -> stores().groups().delete(id, 2))
        .isInstanceOf(VersionConflictException.class);
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
  void requestsOf_listsAUsersPendingRequests_inGroupOrder_pagedAndNoOneElses() {
    UserId eve = new UserId(aUniqueUser("eve"));
    // Shares eve's id as a prefix: a careless prefix match would list its requests too.
    UserId eve0 = new UserId(eve.value() + "0");
    List<GroupId> groups =
        java.util.stream.Stream.generate(() -> aGroupId("eu"))
            .limit(3)
            .sorted(Comparator.comparing(GroupId::value))
            .toList();
    for (GroupId g : groups) {
      stores()
          .memberships()
          .createRequest(new JoinRequest(g, eve, aCard("eve"), SocialTestData.T0));
    }
    stores()
        .memberships()
        .createRequest(new JoinRequest(groups.get(0), eve0, aCard("eve0"), SocialTestData.T0));
    stores().memberships().create(aMember(groups.get(1), eve.value()));

    List<JoinRequest> first = stores().memberships().requestsOf(eve, Optional.empty(), 2);
    List<JoinRequest> rest =
        stores().memberships().requestsOf(eve, Optional.of(first.get(1).groupId()), 2);

    assertThat(first)
        .extracting(JoinRequest::groupId)
        .containsExactly(groups.get(0), groups.get(1));
    assertThat(first.get(0).card()).isEqualTo(aCard("eve"));
    assertThat(rest).extracting(JoinRequest::groupId).containsExactly(groups.get(2));
    stores().memberships().deleteRequest(groups.get(0), eve);
    assertThat(stores().memberships().requestsOf(eve, Optional.empty(), 5))
        .extracting(JoinRequest::groupId)
        .containsExactly(groups.get(1), groups.get(2));
    assertThat(stores().memberships().requestsOf(eve0, Optional.empty(), 5)).hasSize(1);
  }

  @Test
  void invites_createdBy_listsACreatorsInvites_inHashOrder_andDeleteRevokesThem() {
    String creator = aUniqueUser("ines");
    String other = creator + "0";
    GroupId g = aGroupId("eu");
    String prefix = "h" + Long.toString(System.nanoTime(), 16);
    for (String hash : List.of(prefix + "b", prefix + "a", prefix + "c")) {
      stores().invites().create(SocialTestData.anInvite(hash, g, creator));
    }
    stores().invites().create(SocialTestData.anInvite(prefix + "d", g, other));
    stores().invites().replace(SocialTestData.anInvite(prefix + "a", g, creator).used(), 1);

    List<Invite> first = stores().invites().createdBy(new UserId(creator), Optional.empty(), 2);
    List<Invite> rest =
        stores().invites().createdBy(new UserId(creator), Optional.of(prefix + "b"), 2);

    assertThat(first).extracting(Invite::tokenHash).containsExactly(prefix + "a", prefix + "b");
    assertThat(first.get(0)).isEqualTo(SocialTestData.anInvite(prefix + "a", g, creator).used());
    assertThat(rest).extracting(Invite::tokenHash).containsExactly(prefix + "c");
    stores().invites().delete(prefix + "a");
    stores().invites().delete(prefix + "a");
    assertThat(stores().invites().load(prefix + "a")).isEmpty();
    assertThat(stores().invites().createdBy(new UserId(creator), Optional.empty(), 5))
        .extracting(Invite::tokenHash)
        .containsExactly(prefix + "b", prefix + "c");
    assertThat(stores().invites().createdBy(new UserId(other), Optional.empty(), 5)).hasSize(1);
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
  void messages_liveBy_listsAnAuthorsMessagesAcrossGroups_withoutTombstones_paged() {
    String author = aUniqueUser("al");
    String other = author + "0";
    List<GroupId> groups =
        java.util.stream.Stream.generate(() -> aGroupId("eu"))
            .limit(2)
            .sorted(Comparator.comparing(GroupId::value))
            .toList();
    Message a1 = aMessage(groups.get(0), author, 1, "one");
    Message b1 = aMessage(groups.get(0), other, 2, "not hers");
    Message a2 = aMessage(groups.get(0), author, 3, "two");
    Message a3 = aMessage(groups.get(1), author, 0, "three");
    Message a4 = aMessage(groups.get(1), author, 4, "four");
    for (Message m : List.of(a4, b1, a2, a3, a1)) {
      stores().messages().create(m);
    }
    stores().messages().replace(a2.tombstone(a2.sentAt().plusSeconds(5)), 1);

    List<Message> first = stores().messages().liveBy(new UserId(author), Optional.empty(), 2);
    List<Message> rest =
        stores()
            .messages()
            .liveBy(new UserId(author), Optional.of(new Position(a3.groupId(), a3.id())), 5);

    assertThat(first).containsExactly(a1, a3);
    assertThat(rest).containsExactly(a4);
    assertThat(stores().messages().liveBy(new UserId(other), Optional.empty(), 5))
        .containsExactly(b1);
    Message a4Edited = a4.edit(MessageText.of("four!"), a4.sentAt().plusSeconds(1));
    stores().messages().replace(a4Edited, 1);
    assertThat(stores().messages().liveBy(new UserId(author), Optional.empty(), 5))
        .containsExactly(a1, a3, a4Edited);
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
