package app.stride.planner.application.port.out;

import app.stride.core.region.RegionId;
import app.stride.planner.domain.CalendarFeed;
import app.stride.planner.domain.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * A region's calendar feeds, as two kinds of single records written one at a time (no
 * transactions): the user's feed ({@link CalendarFeed}, versioned) and a lookup from a token hash
 * to its user. A token is valid only while both agree; the use case writes the lookup first and the
 * feed second, so a crash in between never leaves an old URL valid. Every method refuses a {@code
 * home} that is not the store's region ({@code wrong-region}).
 */
public interface CalendarFeedStore {
  /**
   * The user's current feed.
   *
   * @return empty when they have none
   * @throws app.stride.core.store.StoreUnavailableException when the store cannot be reached
   */
  Optional<CalendarFeed> load(UserId userId, RegionId home);

  /**
   * The user a token hash was issued to, from its lookup record. A lookup outlives a rotation until
   * it is removed: check it against {@link #load}.
   *
   * @return empty when no lookup has this hash
   */
  Optional<UserId> ownerOf(String tokenHash, RegionId home);

  /**
   * Adds the lookup of a new token hash.
   *
   * @throws app.stride.core.store.VersionConflictException when the hash is already taken
   */
  void addLookup(String tokenHash, UserId userId, Instant createdAt, RegionId home);

  /** Removes the lookup of a token hash; removing an absent one is fine. */
  void removeLookup(String tokenHash, RegionId home);

  /**
   * Stores {@code feed} if the stored feed is at {@code expectedVersion}, or absent when {@code
   * expectedVersion} is 0.
   *
   * @throws app.stride.core.store.VersionConflictException when it is not
   */
  void save(CalendarFeed feed, long expectedVersion, RegionId home);

  /**
   * Deletes the user's feed if it is still at {@code expectedVersion}.
   *
   * @throws app.stride.core.store.VersionConflictException when it changed or is gone
   */
  void delete(UserId userId, long expectedVersion, RegionId home);
}
