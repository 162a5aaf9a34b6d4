package app.stride.social.application.service;

import app.stride.core.auth.Principal;
import app.stride.core.region.RegionId;
import app.stride.social.application.port.out.GroupStore;
import app.stride.social.application.port.out.MembershipStore;
import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.Membership;
import app.stride.social.domain.UserId;
import java.util.Optional;

/**
 * Loads a group of this region and the caller's place in it. Residency of group data is the group's
 * region, whatever the caller's home region: a group of another region is answered {@code 421
 * wrong-region} naming it, and a caller homed anywhere is served here.
 */
final class GroupAccess {
  private final GroupStore groups;
  private final MembershipStore memberships;
  private final RegionId servingRegion;

  GroupAccess(GroupStore groups, MembershipStore memberships, RegionId servingRegion) {
    this.groups = groups;
    this.memberships = memberships;
    this.servingRegion = servingRegion;
  }

  /** The region this function serves. */
  RegionId region() {
    return servingRegion;
  }

  /** The group, or {@code 404}; {@code 421} when it lives in another region. */
  Group group(GroupId id) {
    if (!id.region().equals(servingRegion.value())) {
      throw Problems.elsewhere("group", id.region());
    }
    return groups.load(id).orElseThrow(() -> Problems.notFound("There is no such group."));
  }

  /** The caller's membership, or empty. */
  Optional<Membership> membership(GroupId id, UserId user) {
    return memberships.load(id, user);
  }

  /**
   * The group and the caller's membership: {@code 404} for a private group the caller is not in (it
   * is not theirs to know of), {@code 403} for a public one.
   */
  Access member(Principal caller, GroupId id) {
    Group group = group(id);
    UserId user = new UserId(caller.userId());
    Optional<Membership> membership = memberships.load(id, user);
    if (membership.isEmpty()) {
      throw group.isPublic()
          ? Problems.forbidden("Only the group's members may do this.")
          : Problems.notFound("There is no such group.");
    }
    return new Access(group, membership.get(), group.roleOf(membership.get()));
  }

  /** As {@link #member}, and the caller must be the owner or an admin ({@code 403}). */
  Access manager(Principal caller, GroupId id) {
    Access access = member(caller, id);
    if (!access.role().manages()) {
      throw Problems.forbidden("Only the group's owner or an admin may do this.");
    }
    return access;
  }

  /** As {@link #member}, and the caller must be the owner ({@code 403}). */
  Access owner(Principal caller, GroupId id) {
    Access access = member(caller, id);
    if (access.role() != GroupRole.OWNER) {
      throw Problems.forbidden("Only the group's owner may do this.");
    }
    return access;
  }

  /**
   * A caller's place in a group.
   *
   * @param group the group
   * @param membership the caller's membership
   * @param role the caller's role
   */
  record Access(Group group, Membership membership, GroupRole role) {
    UserId user() {
      return membership.userId();
    }
  }
}
