package app.stride.social.application.port.out;

import app.stride.social.domain.Invite;
import app.stride.social.domain.UserId;
import java.util.List;
import java.util.Optional;

/** Invites of the serving region's groups, found by the hash of their token or by who made them. */
public interface InviteStore {
  /**
   * Stores a new invite.
   *
   * @throws app.stride.core.store.VersionConflictException when one with its hash exists
   */
  void create(Invite invite);

  /** The invite whose token hashes to {@code tokenHash}, expired or not, or empty. */
  Optional<Invite> load(String tokenHash);

  /**
   * Replaces an invite (counts a use) if its stored version is still {@code expectedVersion}.
   *
   * @throws app.stride.core.store.VersionConflictException when it is at another version
   */
  void replace(Invite next, long expectedVersion);

  /**
   * The invites {@code creator} made, expired ones included, in token hash order, strictly after
   * the hash {@code after}; at most {@code limit}.
   */
  List<Invite> createdBy(UserId creator, Optional<String> after, int limit);

  /** Drops an invite (it stops working at once); nothing happens when there is none. */
  void delete(String tokenHash);
}
