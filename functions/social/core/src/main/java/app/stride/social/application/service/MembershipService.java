package app.stride.social.application.service;

import app.stride.core.auth.Principal;
import app.stride.core.store.Page;
import app.stride.core.store.VersionConflictException;
import app.stride.social.application.port.in.GroupMembershipUseCase;
import app.stride.social.application.port.in.ManageGroupsUseCase.GroupView;
import app.stride.social.application.port.out.MembershipStore;
import app.stride.social.application.service.GroupAccess.Access;
import app.stride.social.domain.Ban;
import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.JoinRequest;
import app.stride.social.domain.Membership;
import app.stride.social.domain.PublicCard;
import app.stride.social.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Serves {@link GroupMembershipUseCase}. Exactly one owner holds at every moment because the owner
 * is a field of the group item: a transfer is one conditional write of it. Leaving, removal and
 * bans never touch the member the group item names; a transfer racing with its target leaving is
 * caught by re-reading after the write and undone.
 */
public final class MembershipService implements GroupMembershipUseCase {
  private final MembershipStore memberships;
  private final GroupAccess access;
  private final RosterChanges roster;
  private final Enrolment enrolment;
  private final Invitations invitations;
  private final Cursors cursors;
  private final Clock clock;

  MembershipService(
      MembershipStore memberships,
      GroupAccess access,
      RosterChanges roster,
      Enrolment enrolment,
      Invitations invitations,
      Cursors cursors,
      Clock clock) {
    this.memberships = memberships;
    this.access = access;
    this.roster = roster;
    this.enrolment = enrolment;
    this.invitations = invitations;
    this.cursors = cursors;
    this.clock = clock;
  }

  @Override
  public JoinOutcome join(Principal caller, GroupId id, PublicCard card) {
    Group group = access.group(id);
    UserId user = new UserId(caller.userId());
    if (memberships.load(id, user).isPresent()) {
      throw Problems.conflict("You are a member of this group already.");
    }
    enrolment.requireNotBanned(group, user);
    if (!group.isPublic()) {
      JoinRequest request = new JoinRequest(id, user, card, clock.instant());
      try {
        memberships.createRequest(request);
        return JoinOutcome.requested(request);
      } catch (VersionConflictException e) {
        return JoinOutcome.requested(memberships.request(id, user).orElse(request));
      }
    }
    try {
      return JoinOutcome.joined(enrolment.enrol(group, user, card));
    } catch (VersionConflictException e) {
      throw Problems.conflict("You are a member of this group already.");
    }
  }

  @Override
  public Page<MemberView> members(
      Principal caller, GroupId id, int limit, Optional<String> cursor) {
    Paging.requireLimit(limit);
    Group group = access.member(caller, id).group();
    String scope = "members:" + id;
    Optional<UserId> after = cursor.map(c -> new UserId(cursors.open(scope, c, 1).get(0)));
    List<Membership> read = memberships.members(id, after, limit + 1);
    Page<Membership> page =
        Paging.page(read, limit, cursors, scope, m -> List.of(m.userId().value()));
    return new Page<>(
        page.items().stream().map(m -> new MemberView(m, group.roleOf(m))).toList(),
        page.nextCursor());
  }

  @Override
  public MemberView changeRole(Principal caller, GroupId id, UserId member, GroupRole role) {
    Access owner = access.owner(caller, id);
    if (member.equals(owner.user())) {
      throw Problems.forbidden("Nobody changes their own role; ownership moves by a transfer.");
    }
    if (role == GroupRole.OWNER) {
      throw Problems.forbidden("Ownership moves only by a transfer.");
    }
    Membership current = requireMembership(id, member);
    Membership next = current.withRole(role);
    try {
      memberships.replace(next, current.version());
    } catch (VersionConflictException e) {
      throw Problems.busy();
    }
    return new MemberView(next, owner.group().roleOf(next));
  }

  @Override
  public void remove(Principal caller, GroupId id, UserId member) {
    Access actor = access.manager(caller, id);
    if (member.equals(actor.user())) {
      throw Problems.conflict("Use leave to leave a group.");
    }
    Membership target = requireMembership(id, member);
    requireOutranks(actor, actor.group().roleOf(target));
    roster.depart(actor.group().id(), target);
  }

  @Override
  public void leave(Principal caller, GroupId id) {
    Access self = access.member(caller, id);
    if (self.role() == GroupRole.OWNER) {
      throw Problems.conflict(
          "The owner cannot leave; transfer the group to another member first.");
    }
    roster.depart(id, self.membership());
  }

  @Override
  public void ban(Principal caller, GroupId id, UserId user) {
    Access actor = access.manager(caller, id);
    if (user.equals(actor.user())) {
      throw Problems.conflict("You cannot ban yourself.");
    }
    Optional<Membership> target = memberships.load(id, user);
    if (target.isPresent()) {
      requireOutranks(actor, actor.group().roleOf(target.get()));
    }
    memberships.putBan(new Ban(id, user, actor.user(), clock.instant()));
    memberships.deleteRequest(id, user);
    if (target.isPresent()) {
      roster.depart(id, target.get());
    }
  }

  @Override
  public GroupView transfer(Principal caller, GroupId id, UserId newOwner) {
    Access owner = access.owner(caller, id);
    if (newOwner.equals(owner.user())) {
      throw Problems.conflict("You own this group already.");
    }
    Membership target = requireMembership(id, newOwner);
    Group next;
    try {
      next = roster.handOver(owner.group(), owner.membership(), target);
    } catch (VersionConflictException e) {
      throw Problems.busy();
    } catch (RosterChanges.TargetLeftException e) {
      throw Problems.conflict("That member left meanwhile; the group stays yours.");
    }
    return new GroupView(next, Optional.of(GroupRole.ADMIN));
  }

  @Override
  public Page<JoinRequest> requests(
      Principal caller, GroupId id, int limit, Optional<String> cursor) {
    Paging.requireLimit(limit);
    access.manager(caller, id);
    String scope = "requests:" + id;
    Optional<UserId> after = cursor.map(c -> new UserId(cursors.open(scope, c, 1).get(0)));
    return Paging.page(
        memberships.requests(id, after, limit + 1),
        limit,
        cursors,
        scope,
        r -> List.of(r.userId().value()));
  }

  @Override
  public Optional<MemberView> decide(
      Principal caller, GroupId id, UserId requester, boolean approve) {
    Access actor = access.manager(caller, id);
    JoinRequest request =
        memberships
            .request(id, requester)
            .orElseThrow(() -> Problems.notFound("There is no pending request of that user."));
    if (!approve) {
      memberships.deleteRequest(id, requester);
      return Optional.empty();
    }
    try {
      MemberView member = enrolment.enrol(actor.group(), requester, request.card());
      memberships.deleteRequest(id, requester);
      return Optional.of(member);
    } catch (VersionConflictException e) {
      memberships.deleteRequest(id, requester);
      throw Problems.conflict("That user is a member already.");
    }
  }

  @Override
  public CreatedInvite invite(Principal caller, GroupId id, Duration validFor, int maxUses) {
    Access actor = access.manager(caller, id);
    return invitations.create(actor.group(), actor.user(), validFor, maxUses);
  }

  @Override
  public JoinOutcome accept(Principal caller, String inviteToken, PublicCard card) {
    return invitations.accept(new UserId(caller.userId()), inviteToken, card);
  }

  private Membership requireMembership(GroupId id, UserId user) {
    return memberships
        .load(id, user)
        .orElseThrow(() -> Problems.notFound("That user is not a member of this group."));
  }

  /** The owner acts on anyone else; an admin only on plain members. */
  private static void requireOutranks(Access actor, GroupRole target) {
    if (target == GroupRole.OWNER
        || (actor.role() == GroupRole.ADMIN && target != GroupRole.MEMBER)) {
      throw Problems.forbidden("Your role does not allow this on that member.");
    }
  }
}
