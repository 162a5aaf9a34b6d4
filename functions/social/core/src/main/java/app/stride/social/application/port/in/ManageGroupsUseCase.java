package app.stride.social.application.port.in;

import app.stride.core.auth.Principal;
import app.stride.core.store.Page;
import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.PublicCard;
import app.stride.social.domain.Visibility;
import java.util.Objects;
import java.util.Optional;

/** Creating, reading, changing and finding groups. */
public interface ManageGroupsUseCase {
  /** Creates a group in the caller's home region (the serving region), owned by the caller. */
  GroupView create(Principal caller, NewGroup group);

  /**
   * The group as the caller may see it.
   *
   * @throws app.stride.core.problem.ProblemException {@code not-found} for an unknown group or a
   *     private one the caller is not a member of
   */
  GroupView get(Principal caller, GroupId id);

  /** Applies {@code changes} (owner or admin). */
  GroupView update(Principal caller, GroupId id, GroupChanges changes);

  /** One page of the public groups whose name starts with {@code prefix}. */
  Page<Group> search(Principal caller, String prefix, int limit, Optional<String> cursor);

  /** One page of the caller's groups in this region, with unread counts. */
  Page<MyGroup> myGroups(Principal caller, int limit, Optional<String> cursor);

  /**
   * A new group.
   *
   * @param name 3 to 60 characters
   * @param description optional text
   * @param sport one of the API's sports
   * @param visibility public or private
   * @param creatorCard the creator's public card
   */
  record NewGroup(
      String name,
      Optional<String> description,
      String sport,
      Visibility visibility,
      PublicCard creatorCard) {
    public NewGroup {
      Objects.requireNonNull(name, "name");
      description = description == null ? Optional.empty() : description;
      Objects.requireNonNull(sport, "sport");
      Objects.requireNonNull(visibility, "visibility");
      Objects.requireNonNull(creatorCard, "creatorCard");
    }
  }

  /**
   * Changes of a group's settings; absent members stay as they are.
   *
   * @param name a new name
   * @param description a new description; {@code Optional.of(Optional.empty())} removes it
   * @param sport a new sport
   * @param visibility a new visibility
   */
  record GroupChanges(
      Optional<String> name,
      Optional<Optional<String>> description,
      Optional<String> sport,
      Optional<Visibility> visibility) {}

  /**
   * A group and the caller's role in it.
   *
   * @param group the group
   * @param myRole the caller's role, empty when not a member
   */
  record GroupView(Group group, Optional<GroupRole> myRole) {}

  /**
   * One of the caller's groups.
   *
   * @param group the group
   * @param role the caller's role
   * @param unreadCount messages after the caller's read marker, counted up to {@value
   *     GroupChatUseCase#UNREAD_CAP}
   */
  record MyGroup(Group group, GroupRole role, int unreadCount) {}
}
