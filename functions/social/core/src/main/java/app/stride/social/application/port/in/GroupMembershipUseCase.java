package app.stride.social.application.port.in;

import app.stride.core.auth.Principal;
import app.stride.core.store.Page;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.Invite;
import app.stride.social.domain.JoinRequest;
import app.stride.social.domain.Membership;
import app.stride.social.domain.PublicCard;
import app.stride.social.domain.UserId;
import java.time.Duration;
import java.util.Optional;

/**
 * Who is in a group and with which role: joining (public groups, join requests, invites), roles,
 * leaving, removal, bans, ownership. Every refusal is a {@link
 * app.stride.core.problem.ProblemException} and changes nothing.
 */
public interface GroupMembershipUseCase {
  /** Joins a public group at once, or files a join request for a private one. */
  JoinOutcome join(Principal caller, GroupId group, PublicCard card);

  /** One page of the members (members only). */
  Page<MemberView> members(Principal caller, GroupId group, int limit, Optional<String> cursor);

  /** Sets the role of another member (owner only; never one's own). */
  MemberView changeRole(Principal caller, GroupId group, UserId member, GroupRole role);

  /** Removes a member (owner, or an admin removing a plain member). */
  void remove(Principal caller, GroupId group, UserId member);

  /** Leaves the group (not the owner). */
  void leave(Principal caller, GroupId group);

  /** Bans a user: removed if a member, request dropped, kept out from now on. */
  void ban(Principal caller, GroupId group, UserId user);

  /** Hands the group to another member (owner only). */
  ManageGroupsUseCase.GroupView transfer(Principal caller, GroupId group, UserId newOwner);

  /** One page of pending join requests (owner or admin). */
  Page<JoinRequest> requests(Principal caller, GroupId group, int limit, Optional<String> cursor);

  /** Approves (a new member) or declines (empty) a join request (owner or admin). */
  Optional<MemberView> decide(Principal caller, GroupId group, UserId requester, boolean approve);

  /** Creates an invite (owner or admin); the token is in the answer only. */
  CreatedInvite invite(Principal caller, GroupId group, Duration validFor, int maxUses);

  /** Joins through an invite token. */
  JoinOutcome accept(Principal caller, String inviteToken, PublicCard card);

  /**
   * A member and the role that counts ({@link app.stride.social.domain.Group#roleOf}).
   *
   * @param membership the stored membership
   * @param role the role
   */
  record MemberView(Membership membership, GroupRole role) {}

  /**
   * What a join did.
   *
   * @param member the membership, when the caller is (or already was) a member
   * @param request the pending request, when the group is private and the caller asked
   * @param alreadyMember whether the caller was a member before
   */
  record JoinOutcome(
      Optional<MemberView> member, Optional<JoinRequest> request, boolean alreadyMember) {
    /** A new member. */
    public static JoinOutcome joined(MemberView member) {
      return new JoinOutcome(Optional.of(member), Optional.empty(), false);
    }

    /** Someone who was a member already. */
    public static JoinOutcome wasMember(MemberView member) {
      return new JoinOutcome(Optional.of(member), Optional.empty(), true);
    }

    /** A request waiting for an owner or admin. */
    public static JoinOutcome requested(JoinRequest request) {
      return new JoinOutcome(Optional.empty(), Optional.of(request), false);
    }
  }

  /**
   * A new invite and its token, which is shown only now.
   *
   * @param token {@code <region>.<secret>}
   * @param invite the stored invite (its hash)
   */
  record CreatedInvite(String token, Invite invite) {}
}
