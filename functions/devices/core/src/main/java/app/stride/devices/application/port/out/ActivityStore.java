package app.stride.devices.application.port.out;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A user's activities in the serving region's store, written with single-item conditional writes.
 * Each write records its event in the same item (a per-item outbox) so no event is lost between the
 * write and the publish. Every method refuses a {@code home} that is not the store's region and may
 * throw {@link app.stride.core.store.StoreUnavailableException}.
 */
public interface ActivityStore {
  /** How many activities a deduplication scan reads at most. */
  int DEDUP_SCAN_LIMIT = 50;

  /** The activity {@code id} of {@code userId}; empty for an unknown id or another user's. */
  Optional<Activity> find(UserId userId, ActivityId id, RegionId home);

  /**
   * The user's activities that start at or after {@code from} and before {@code to}, at most {@link
   * #DEDUP_SCAN_LIMIT}, newest first.
   */
  List<Activity> startingBetween(UserId userId, Instant from, Instant to, RegionId home);

  /** The user's activity that has a source with this provider and external id, if any. */
  Optional<Activity> findBySource(
      UserId userId, Provider provider, String externalId, RegionId home);

  /**
   * Stores a new activity (version 1) with its pending event.
   *
   * @throws app.stride.core.store.VersionConflictException when the id exists, or another activity
   *     of the user already has one of its sources (provider + external id)
   */
  void create(Activity activity, OutboundEvent pending, RegionId home);

  /**
   * Replaces the stored activity if its version is still {@code activity.version() - 1}.
   *
   * @throws app.stride.core.store.VersionConflictException when the stored version differs
   */
  void update(Activity activity, OutboundEvent pending, RegionId home);

  /**
   * Erases the user's activities (a deleted account): every activity item with its laps and pending
   * events, and every item that indexes them (source claims), all under the user's own key, so no
   * other user's item is ever touched. Returns how many activities it removed. Idempotent: a second
   * call removes nothing and returns 0. Deletes are single-item, not one transaction: a call that
   * fails midway leaves the rest for the next (the queue redelivers the erasure).
   */
  int eraseActivities(UserId userId, RegionId home);
}
