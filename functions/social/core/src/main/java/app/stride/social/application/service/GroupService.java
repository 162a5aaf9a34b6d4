package app.stride.social.application.service;

import app.stride.core.auth.Principal;
import app.stride.core.problem.ProblemException;
import app.stride.core.store.Page;
import app.stride.core.store.VersionConflictException;
import app.stride.social.application.port.in.ManageGroupsUseCase;
import app.stride.social.application.port.out.GroupStore;
import app.stride.social.application.port.out.GroupStore.SearchPosition;
import app.stride.social.application.port.out.MembershipStore;
import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.Membership;
import app.stride.social.domain.RandomIds;
import app.stride.social.domain.SearchKeys;
import app.stride.social.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Serves {@link ManageGroupsUseCase} from the serving region's stores. A new group's creator is
 * written as a member before the group item, so a crash in between leaves an orphan membership
 * (skipped when listing) rather than a group whose owner is no member.
 */
public final class GroupService implements ManageGroupsUseCase {
  private static final int ATTEMPTS = 3;

  private final GroupStore groups;
  private final MembershipStore memberships;
  private final GroupAccess access;
  private final UnreadCounts unread;
  private final Cursors cursors;
  private final RandomIds ids;
  private final Clock clock;

  GroupService(
      GroupStore groups,
      MembershipStore memberships,
      GroupAccess access,
      UnreadCounts unread,
      Cursors cursors,
      RandomIds ids,
      Clock clock) {
    this.groups = groups;
    this.memberships = memberships;
    this.access = access;
    this.unread = unread;
    this.cursors = cursors;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public GroupView create(Principal caller, NewGroup input) {
    if (!caller.homeRegion().equals(access.region())) {
      throw Problems.elsewhere("user's home", caller.homeRegion().value());
    }
    Instant now = clock.instant();
    GroupId id = GroupId.newIn(access.region().value(), ids);
    UserId owner = new UserId(caller.userId());
    memberships.create(Membership.join(id, owner, GroupRole.OWNER, input.creatorCard(), now));
    Group group =
        new Group(
            id,
            input.name().strip(),
            input.description().map(String::strip).filter(d -> !d.isEmpty()),
            input.sport(),
            input.visibility(),
            owner,
            1,
            now,
            now,
            1);
    groups.create(group);
    return new GroupView(group, Optional.of(GroupRole.OWNER));
  }

  @Override
  public GroupView get(Principal caller, GroupId id) {
    Group group = access.group(id);
    Optional<Membership> membership = access.membership(id, new UserId(caller.userId()));
    if (!group.isPublic() && membership.isEmpty()) {
      throw Problems.notFound("There is no such group.");
    }
    return new GroupView(group, membership.map(group::roleOf));
  }

  @Override
  public GroupView update(Principal caller, GroupId id, GroupChanges changes) {
    for (int attempt = 1; ; attempt++) {
      GroupAccess.Access manager = access.manager(caller, id);
      Group current = manager.group();
      Group next =
          current.withSettings(
              changes.name().map(String::strip).orElse(current.name()),
              changes
                  .description()
                  .map(d -> d.map(String::strip).filter(s -> !s.isEmpty()))
                  .orElse(current.description()),
              changes.sport().orElse(current.sport()),
              changes.visibility().orElse(current.visibility()),
              clock.instant());
      try {
        groups.replace(next, current.version());
        return new GroupView(next, Optional.of(manager.role()));
      } catch (VersionConflictException e) {
        if (attempt >= ATTEMPTS) {
          throw Problems.busy();
        }
      }
    }
  }

  @Override
  public Page<Group> search(Principal caller, String prefix, int limit, Optional<String> cursor) {
    Paging.requireLimit(limit);
    String key = SearchKeys.of(prefix);
    if (key.codePointCount(0, key.length()) < 2) {
      throw ProblemException.invalid("query:q", "needs at least 2 letters or digits");
    }
    String scope = "groups:" + access.region() + ":" + key;
    Optional<SearchPosition> after =
        cursor
            .map(c -> cursors.open(scope, c, 2))
            .map(v -> new SearchPosition(v.get(0), new GroupId(v.get(1))));
    List<Group> read = groups.searchPublic(key, after, limit + 1);
    return Paging.page(read, limit, cursors, scope, g -> List.of(g.nameKey(), g.id().value()));
  }

  @Override
  public Page<MyGroup> myGroups(Principal caller, int limit, Optional<String> cursor) {
    Paging.requireLimit(limit);
    UserId user = new UserId(caller.userId());
    String scope = "my-groups:" + access.region() + ":" + user;
    Optional<GroupId> after = cursor.map(c -> new GroupId(cursors.open(scope, c, 1).get(0)));
    List<Membership> read = memberships.groupsOf(user, after, limit + 1);
    Page<Membership> page =
        Paging.page(read, limit, cursors, scope, m -> List.of(m.groupId().value()));
    List<MyGroup> items = new ArrayList<>();
    for (Membership membership : page.items()) {
      groups
          .load(membership.groupId())
          .ifPresent(g -> items.add(new MyGroup(g, g.roleOf(membership), unread.of(membership))));
    }
    return new Page<>(items, page.nextCursor());
  }
}
