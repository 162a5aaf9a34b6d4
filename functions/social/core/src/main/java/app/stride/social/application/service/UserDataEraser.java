package app.stride.social.application.service;

import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.social.application.port.in.EraseUserDataUseCase;
import app.stride.social.application.port.out.GroupStore;
import app.stride.social.application.port.out.InviteStore;
import app.stride.social.application.port.out.MembershipStore;
import app.stride.social.application.port.out.MessageDeliveryPort;
import app.stride.social.application.port.out.MessageStore;
import app.stride.social.application.port.out.MessageStore.Position;
import app.stride.social.application.port.out.SocialStores;
import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.Invite;
import app.stride.social.domain.JoinRequest;
import app.stride.social.domain.Membership;
import app.stride.social.domain.Message;
import app.stride.social.domain.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link EraseUserDataUseCase} in one region: erases what this region's social store holds
 * about a deleted account, through the same writes as the user's own actions.
 *
 * <ol>
 *   <li>Their messages, in every group of this region they ever wrote in (left ones included): each
 *       becomes the tombstone a deletion by its author leaves ({@link ChatChanges}), delivered to
 *       connected members alike. Found with {@link MessageStore#liveBy}, an index by author of the
 *       messages not deleted: one query per {@value #PAGE} messages, whatever the size of the
 *       groups' histories. Others' messages are untouched.
 *   <li>Their pending join requests ({@link MembershipStore#requestsOf}): deleted.
 *   <li>The invites they made ({@link InviteStore#createdBy}): deleted, so they stop working.
 *   <li>Their memberships ({@link MembershipStore#groupsOf}): each is a departure as when a member
 *       leaves ({@link RosterChanges#depart}, the seat given back). The domain lets no owner leave
 *       (they transfer first), so an owner's group is first handed over ({@link
 *       RosterChanges#handOver}, as a transfer) to {@link Group#successorAmong}: the
 *       longest-standing admin, else the longest-standing member. Reading the members for that is
 *       one query per {@value #PAGE} members (a group holds at most 1,000). A group with no other
 *       member is deleted (the domain has no closed state): its item with a versioned delete (a
 *       racing join makes it retry and hand the group to the newcomer), then its pending join
 *       requests (nobody could decide them), then the membership.
 * </ol>
 *
 * <p>Kept, and why: bans naming the user (user ids are never reused, so a ban keeps nobody out
 * again; it holds two ids and a time, no card, and is the group's moderation record); tombstones
 * (author id, times and the client's message key, no text: the history keeps its places); send
 * claims (the author id and client message key again, beside the message id); the user as {@code
 * bannedBy} of bans they made. Open connections and subscriptions of the chat channel are not
 * looked up (they are keyed by connection and group): they end with the access token or after two
 * hours at most, their items carry the store's TTL, and the fan-out stops pushing to a user who is
 * no member any more.
 *
 * <p>Group data lives in the group's region and a member homed anywhere may belong to it. This
 * eraser runs where the user is homed and erases what that region's store holds; the user's
 * memberships, messages, requests and invites in groups of other regions are not reached (the event
 * is published in the home region only, and a user homed elsewhere is skipped here without reading
 * anything). Access tokens stay valid up to 15 minutes after the deletion and no erased-account
 * marker is kept here, so a write made with one after this ran stays until the erasure runs again.
 * See the module README, "Deleted accounts".
 *
 * <p>Every step is idempotent and a failed step fails the call, so the redelivered event resumes
 * the erasure: a second run finds nothing and answers {@link Erasure#NOTHING_HELD}. Version races
 * (a member joining or leaving meanwhile) are retried a few times per group, then fail the call.
 */
public final class UserDataEraser implements EraseUserDataUseCase {
  private static final Logger log = LoggerFactory.getLogger(UserDataEraser.class);

  /** Items read per store query. */
  static final int PAGE = 100;

  private static final int ATTEMPTS = 3;

  private final GroupStore groups;
  private final MembershipStore memberships;
  private final InviteStore invites;
  private final MessageStore messages;
  private final RosterChanges roster;
  private final ChatChanges chat;
  private final RegionId servingRegion;

  /**
   * The eraser of {@code servingRegion}'s social store.
   *
   * @param delivery where tombstones go for connected members ({@link MessageDeliveryPort#NONE}
   *     where no channel runs)
   */
  public UserDataEraser(
      SocialStores stores, MessageDeliveryPort delivery, RegionId servingRegion, Clock clock) {
    Objects.requireNonNull(stores, "stores");
    this.servingRegion = Objects.requireNonNull(servingRegion, "servingRegion");
    this.groups = stores.groups();
    this.memberships = stores.memberships();
    this.invites = stores.invites();
    this.messages = stores.messages();
    GroupAccess access = new GroupAccess(groups, memberships, servingRegion);
    this.roster =
        new RosterChanges(groups, memberships, access, new MemberCounts(groups, clock), clock);
    this.chat = new ChatChanges(messages, Objects.requireNonNull(delivery, "delivery"), clock);
  }

  @Override
  public Erasure erase(String eventId, UserId userId, RegionId homeRegion) {
    if (!servingRegion.equals(homeRegion)) {
      log.info(
          "event={} homeRegion={} servingRegion={} skipped: the user's data lives in their home"
              + " region",
          eventId,
          homeRegion,
          servingRegion);
      return Erasure.NOT_THIS_REGION;
    }
    int removedMessages = removeMessages(userId);
    int withdrawnRequests = withdrawRequests(userId);
    int revokedInvites = revokeInvites(userId);
    int leftGroups = leaveGroups(userId);
    boolean any = removedMessages + withdrawnRequests + revokedInvites + leftGroups > 0;
    Erasure erasure = any ? Erasure.ERASED : Erasure.NOTHING_HELD;
    log.info(
        "event={} region={} erasure={} messages={} requests={} invites={} groups={}",
        eventId,
        servingRegion,
        erasure,
        removedMessages,
        withdrawnRequests,
        revokedInvites,
        leftGroups);
    return erasure;
  }

  private int removeMessages(UserId user) {
    int removed = 0;
    Optional<Position> after = Optional.empty();
    while (true) {
      List<Message> page = messages.liveBy(user, after, PAGE);
      for (Message message : page) {
        if (remove(message)) {
          removed++;
        }
      }
      if (page.size() < PAGE) {
        return removed;
      }
      Message last = page.get(page.size() - 1);
      after = Optional.of(new Position(last.groupId(), last.id()));
    }
  }

  /** Tombstones one message, reading it again when it changed meanwhile (an edit, a moderator). */
  private boolean remove(Message listed) {
    Message current = listed;
    for (int attempt = 1; ; attempt++) {
      try {
        return chat.remove(current);
      } catch (VersionConflictException e) {
        Optional<Message> reread = messages.load(current.groupId(), current.id());
        if (reread.isEmpty() || attempt >= ATTEMPTS) {
          throw e;
        }
        current = reread.get();
      }
    }
  }

  private int withdrawRequests(UserId user) {
    int withdrawn = 0;
    Optional<GroupId> after = Optional.empty();
    while (true) {
      List<JoinRequest> page = memberships.requestsOf(user, after, PAGE);
      for (JoinRequest request : page) {
        memberships.deleteRequest(request.groupId(), user);
        withdrawn++;
      }
      if (page.size() < PAGE) {
        return withdrawn;
      }
      after = Optional.of(page.get(page.size() - 1).groupId());
    }
  }

  private int revokeInvites(UserId user) {
    int revoked = 0;
    Optional<String> after = Optional.empty();
    while (true) {
      List<Invite> page = invites.createdBy(user, after, PAGE);
      for (Invite invite : page) {
        invites.delete(invite.tokenHash());
        revoked++;
      }
      if (page.size() < PAGE) {
        return revoked;
      }
      after = Optional.of(page.get(page.size() - 1).tokenHash());
    }
  }

  private int leaveGroups(UserId user) {
    int left = 0;
    Optional<GroupId> after = Optional.empty();
    while (true) {
      List<Membership> page = memberships.groupsOf(user, after, PAGE);
      for (Membership membership : page) {
        leave(membership);
        left++;
      }
      if (page.size() < PAGE) {
        return left;
      }
      after = Optional.of(page.get(page.size() - 1).groupId());
    }
  }

  /** The member leaves the group, handing it over or deleting it first when they own it. */
  private void leave(Membership listed) {
    GroupId id = listed.groupId();
    UserId user = listed.userId();
    Optional<Membership> current = Optional.of(listed);
    for (int attempt = 1; current.isPresent(); attempt++) {
      try {
        leaveOnce(current.get());
        return;
      } catch (VersionConflictException | RosterChanges.TargetLeftException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        current = memberships.load(id, user);
      }
    }
  }

  private void leaveOnce(Membership membership) {
    GroupId id = membership.groupId();
    UserId user = membership.userId();
    Optional<Group> group = groups.load(id);
    if (group.isEmpty()) {
      // Deleted by an earlier run of this erasure, or its creation never finished.
      dropRequests(id);
      memberships.delete(id, user, membership.version());
      return;
    }
    Membership leaving = membership;
    if (group.get().ownerId().equals(user)) {
      List<Membership> members = allMembers(id);
      Optional<Membership> successor = group.get().successorAmong(members);
      if (successor.isEmpty()) {
        groups.delete(id, group.get().version());
        dropRequests(id);
        memberships.delete(id, user, membership.version());
        return;
      }
      roster.handOver(group.get(), membership, successor.get());
      Optional<Membership> reread = memberships.load(id, user);
      if (reread.isEmpty()) {
        return;
      }
      leaving = reread.get();
    }
    roster.depart(id, leaving);
  }

  private List<Membership> allMembers(GroupId id) {
    List<Membership> all = new ArrayList<>();
    Optional<UserId> after = Optional.empty();
    while (true) {
      List<Membership> page = memberships.members(id, after, PAGE);
      all.addAll(page);
      if (page.size() < PAGE) {
        return all;
      }
      after = Optional.of(page.get(page.size() - 1).userId());
    }
  }

  /** Drops the pending join requests of a group that is gone: nobody could decide them. */
  private void dropRequests(GroupId id) {
    while (true) {
      List<JoinRequest> page = memberships.requests(id, Optional.empty(), PAGE);
      for (JoinRequest request : page) {
        memberships.deleteRequest(id, request.userId());
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }
}
