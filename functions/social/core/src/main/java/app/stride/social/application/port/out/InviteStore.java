package app.stride.social.application.port.out;

import app.stride.social.domain.Invite;
import java.util.Optional;

/** Invites of the serving region's groups, found by the hash of their token only. */
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
}
