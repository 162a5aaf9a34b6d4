package app.stride.social.application.port.out;

import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import java.util.List;
import java.util.Optional;

/**
 * The groups of the serving region's store, one item each. Failures of the store itself are {@link
 * app.stride.core.store.StoreUnavailableException}s.
 */
public interface GroupStore {
  /** The group, or empty when this region has none with that id. */
  Optional<Group> load(GroupId id);

  /**
   * Stores a new group.
   *
   * @throws app.stride.core.store.VersionConflictException when one with its id exists
   */
  void create(Group group);

  /**
   * Replaces the group if its stored version is still {@code expectedVersion}.
   *
   * @throws app.stride.core.store.VersionConflictException when it is gone or at another version
   */
  void replace(Group next, long expectedVersion);

  /**
   * Deletes the group's item if its stored version is still {@code expectedVersion} (the eraser
   * does, once its last member is gone). Only the item goes: what other items of the group remain
   * is for the caller.
   *
   * @throws app.stride.core.store.VersionConflictException when it is gone or at another version
   */
  void delete(GroupId id, long expectedVersion);

  /**
   * Public groups whose search key starts with {@code prefixKey}, in (search key, id) order,
   * strictly after {@code after}; at most {@code limit}.
   */
  List<Group> searchPublic(String prefixKey, Optional<SearchPosition> after, int limit);

  /**
   * A place in the search order.
   *
   * @param nameKey the search key of the last group seen
   * @param groupId its id
   */
  record SearchPosition(String nameKey, GroupId groupId) {}
}
