package app.stride.social.application.service;

import app.stride.core.store.VersionConflictException;
import app.stride.social.application.port.out.GroupStore;
import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import java.time.Clock;

/**
 * Keeps {@link Group#memberCount()} with conditional writes on the group's version, retried on a
 * lost race. A join takes its seat before the membership is written and a departure gives it back
 * after the membership is gone, so a crash between the two writes leaves the count one too high,
 * never too low: a group never holds more than {@value #MAX_MEMBERS} members.
 */
final class MemberCounts {
  /** The most members a group holds. */
  static final int MAX_MEMBERS = 1000;

  private static final int ATTEMPTS = 5;

  private final GroupStore groups;
  private final Clock clock;

  MemberCounts(GroupStore groups, Clock clock) {
    this.groups = groups;
    this.clock = clock;
  }

  /** Takes a seat for a new member; {@code 409} when the group is full or gone. */
  Group takeSeat(GroupId id) {
    for (int attempt = 1; ; attempt++) {
      Group group = load(id);
      if (group.memberCount() >= MAX_MEMBERS) {
        throw Problems.conflict("The group is full (" + MAX_MEMBERS + " members).");
      }
      Group next = group.withMemberCount(group.memberCount() + 1, clock.instant());
      try {
        groups.replace(next, group.version());
        return next;
      } catch (VersionConflictException e) {
        if (attempt >= ATTEMPTS) {
          throw Problems.busy();
        }
      }
    }
  }

  /** Gives a seat back (a member left, was removed or banned, or a join did not happen). */
  void releaseSeat(GroupId id) {
    for (int attempt = 1; ; attempt++) {
      Group group = load(id);
      Group next = group.withMemberCount(Math.max(0, group.memberCount() - 1), clock.instant());
      try {
        groups.replace(next, group.version());
        return;
      } catch (VersionConflictException e) {
        if (attempt >= ATTEMPTS) {
          throw Problems.busy();
        }
      }
    }
  }

  private Group load(GroupId id) {
    return groups.load(id).orElseThrow(() -> Problems.notFound("There is no such group."));
  }
}
