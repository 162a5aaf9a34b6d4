package app.stride.social.application.port.out;

import app.stride.social.domain.Ban;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.JoinRequest;
import app.stride.social.domain.Membership;
import app.stride.social.domain.UserId;
import java.util.List;
import java.util.Optional;

/**
 * A group's roster in the serving region's store: memberships, pending join requests and bans, one
 * item each, written with single-item conditional writes.
 */
public interface MembershipStore {
  /** The membership of {@code user} in {@code group}, or empty when they are not a member. */
  Optional<Membership> load(GroupId group, UserId user);

  /**
   * Stores a new membership.
   *
   * @throws app.stride.core.store.VersionConflictException when the user is already a member
   */
  void create(Membership membership);

  /**
   * Replaces a membership if its stored version is still {@code expectedVersion}.
   *
   * @throws app.stride.core.store.VersionConflictException when it is gone or at another version
   */
  void replace(Membership next, long expectedVersion);

  /**
   * Deletes a membership if its stored version is still {@code expectedVersion}.
   *
   * @throws app.stride.core.store.VersionConflictException when it is gone or at another version
   */
  void delete(GroupId group, UserId user, long expectedVersion);

  /**
   * Members of {@code group} in user id order, strictly after {@code after}; at most {@code limit}.
   */
  List<Membership> members(GroupId group, Optional<UserId> after, int limit);

  /**
   * The memberships of {@code user} in this region's groups, in group id order, strictly after
   * {@code after}; at most {@code limit}.
   */
  List<Membership> groupsOf(UserId user, Optional<GroupId> after, int limit);

  /** The ban of {@code user} from {@code group}, or empty. */
  Optional<Ban> ban(GroupId group, UserId user);

  /** Stores a ban (idempotent: a second ban of the same user replaces the first). */
  void putBan(Ban ban);

  /** The pending join request of {@code user}, or empty. */
  Optional<JoinRequest> request(GroupId group, UserId user);

  /**
   * Stores a join request.
   *
   * @throws app.stride.core.store.VersionConflictException when one is pending already
   */
  void createRequest(JoinRequest request);

  /** Drops a join request; nothing happens when there is none. */
  void deleteRequest(GroupId group, UserId user);

  /**
   * The pending join requests of {@code user} in this region's groups, in group id order, strictly
   * after {@code after}; at most {@code limit}.
   */
  List<JoinRequest> requestsOf(UserId user, Optional<GroupId> after, int limit);

  /**
   * Pending join requests in user id order, strictly after {@code after}; at most {@code limit}.
   */
  List<JoinRequest> requests(GroupId group, Optional<UserId> after, int limit);
}
