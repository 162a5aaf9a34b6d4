package app.stride.social.application.service;

import app.stride.core.store.VersionConflictException;
import app.stride.social.application.port.out.GroupStore;
import app.stride.social.application.port.out.MembershipStore;
import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.Membership;
import app.stride.social.domain.UserId;
import java.time.Clock;

/**
 * The two roster writes a member's own actions and the account eraser share, so the two cannot
 * drift apart: a departure (leave, removal, ban, erasure) and an ownership hand-over (a transfer,
 * or an erased owner's succession).
 */
final class RosterChanges {
  private final GroupStore groups;
  private final MembershipStore memberships;
  private final GroupAccess access;
  private final MemberCounts counts;
  private final Clock clock;

  RosterChanges(
      GroupStore groups,
      MembershipStore memberships,
      GroupAccess access,
      MemberCounts counts,
      Clock clock) {
    this.groups = groups;
    this.memberships = memberships;
    this.access = access;
    this.counts = counts;
    this.clock = clock;
  }

  /**
   * Deletes a membership, then gives its seat back. Never leaves a group without its owner: when a
   * transfer to this member won the race, the membership is restored and {@code 409} thrown.
   *
   * @throws app.stride.core.problem.ProblemException {@code 503} when the membership changed since
   *     it was read, {@code 409} when the member has just become the owner
   */
  void depart(GroupId id, Membership member) {
    try {
      memberships.delete(id, member.userId(), member.version());
    } catch (VersionConflictException e) {
      throw Problems.busy();
    }
    Group after = access.group(id);
    if (after.ownerId().equals(member.userId())) {
      // A transfer to this member won the race: restore them rather than leave an ownerless group.
      memberships.create(member);
      throw Problems.conflict("That member has just become the owner.");
    }
    counts.releaseSeat(id);
  }

  /**
   * Makes {@code newOwner} the owner of {@code current} with one conditional write of the group
   * item, then checks they are still a member (a racing departure undoes the write), then records
   * both roles on the member items (best effort: the group item decides).
   *
   * @return the group as written
   * @throws VersionConflictException when the group changed since it was read (nothing changed)
   * @throws TargetLeftException when {@code newOwner} left meanwhile (the write was undone)
   */
  Group handOver(Group current, Membership previousOwner, Membership newOwner) {
    Group next = current.withOwner(newOwner.userId(), clock.instant());
    groups.replace(next, current.version());
    if (memberships.load(current.id(), newOwner.userId()).isEmpty()) {
      undo(next, current.ownerId());
      throw new TargetLeftException();
    }
    recordRoles(previousOwner, newOwner);
    return next;
  }

  private void undo(Group transferred, UserId previousOwner) {
    groups.replace(transferred.withOwner(previousOwner, clock.instant()), transferred.version());
  }

  /** Best effort: the group item decides roles; the member items follow for readers' sake. */
  private void recordRoles(Membership previousOwner, Membership newOwner) {
    try {
      memberships.replace(previousOwner.withRole(GroupRole.ADMIN), previousOwner.version());
      memberships.replace(newOwner.withRole(GroupRole.OWNER), newOwner.version());
    } catch (VersionConflictException e) {
      // Group.roleOf reads the owner from the group item; a stale stored role changes nothing.
    }
  }

  /** The member a group was handed to left before the hand-over was checked; it was undone. */
  static final class TargetLeftException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TargetLeftException() {
      super("the new owner left meanwhile", null, false, false);
    }
  }
}
