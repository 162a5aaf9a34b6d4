package app.stride.social.application.service;

import app.stride.core.store.VersionConflictException;
import app.stride.social.application.port.in.GroupMembershipUseCase.MemberView;
import app.stride.social.application.port.out.MembershipStore;
import app.stride.social.domain.Group;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.Membership;
import app.stride.social.domain.PublicCard;
import app.stride.social.domain.UserId;
import java.time.Clock;

/**
 * Makes a user a member: refuses a banned user ({@code 403}), takes a seat in the count, then
 * writes the membership; when someone else wrote that membership first, the seat is given back.
 */
final class Enrolment {
  private final MembershipStore memberships;
  private final MemberCounts counts;
  private final Clock clock;

  Enrolment(MembershipStore memberships, MemberCounts counts, Clock clock) {
    this.memberships = memberships;
    this.counts = counts;
    this.clock = clock;
  }

  /** Refuses a banned user with {@code 403}. */
  void requireNotBanned(Group group, UserId user) {
    if (memberships.ban(group.id(), user).isPresent()) {
      throw Problems.forbidden("You are banned from this group.");
    }
  }

  /**
   * Enrols {@code user} with {@code card}.
   *
   * @throws VersionConflictException when they are a member already (nothing changed)
   */
  MemberView enrol(Group group, UserId user, PublicCard card) {
    requireNotBanned(group, user);
    Group seated = counts.takeSeat(group.id());
    Membership membership =
        Membership.join(group.id(), user, GroupRole.MEMBER, card, clock.instant());
    try {
      memberships.create(membership);
    } catch (VersionConflictException e) {
      counts.releaseSeat(group.id());
      throw e;
    }
    return new MemberView(membership, seated.roleOf(membership));
  }
}
