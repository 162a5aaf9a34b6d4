package app.stride.profiles.application.port.out;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.profiles.domain.Profile;

/**
 * Writes profiles to the serving region's store with single-item conditional writes. Each write
 * also records the change's event in the same item (a per-item outbox), so a crash between the
 * write and the publish loses no event: {@link ProfileOutboxPort} finds and clears it.
 */
public interface SaveProfilePort {
  /**
   * Stores a new profile (version 1) together with its pending event.
   *
   * @throws app.stride.core.store.VersionConflictException when a profile already exists
   * @throws app.stride.core.problem.ProblemException {@code wrong-region} when {@code home} is not
   *     the store's region
   * @throws app.stride.core.store.StoreUnavailableException when the store cannot be reached
   */
  void create(Profile profile, OutboundEvent pending, RegionId home);

  /**
   * Replaces the stored profile if its version is still {@code expectedVersion}; {@code profile}
   * carries the next version.
   *
   * @throws app.stride.core.store.VersionConflictException when the stored version differs or the
   *     profile is gone
   */
  void replace(Profile profile, long expectedVersion, OutboundEvent pending, RegionId home);

  /**
   * Deletes the stored profile if its version is still {@code expectedVersion}. All personal fields
   * are removed at once; what remains until the event is published is a marker with the user id,
   * the version and the pending event, which {@link ProfileOutboxPort#markPublished} removes.
   *
   * @throws app.stride.core.store.VersionConflictException when the stored version differs or the
   *     profile is gone
   */
  void delete(
      app.stride.profiles.domain.UserId userId,
      long expectedVersion,
      OutboundEvent pending,
      RegionId home);
}
