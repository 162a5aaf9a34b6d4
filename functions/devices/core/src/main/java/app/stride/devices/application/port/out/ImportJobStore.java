package app.stride.devices.application.port.out;

import app.stride.core.region.RegionId;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.UserId;
import java.util.Optional;

/**
 * A user's imports in the serving region's store. Jobs expire (store TTL) 30 days after their last
 * change; the activity they produced stays. Every method refuses a foreign {@code home}.
 */
public interface ImportJobStore {
  /** The import {@code id} of {@code userId}; empty for an unknown id or another user's. */
  Optional<ImportJob> find(UserId userId, ImportId id, RegionId home);

  /** The user's import of the file with this SHA-256, if one is still kept. */
  Optional<ImportJob> findBySha256(UserId userId, String sha256, RegionId home);

  /**
   * Stores a new import.
   *
   * @throws app.stride.core.store.VersionConflictException when the user already has an import of
   *     this SHA-256 (the caller answers that import instead)
   */
  void create(ImportJob job, RegionId home);

  /** Replaces the stored import (its status changes only from processing to done or failed). */
  void update(ImportJob job, RegionId home);

  /**
   * Erases the user's imports (a deleted account) and their SHA-256 claims, all under the user's
   * own key; returns how many imports it removed. Idempotent, like {@link
   * ActivityStore#eraseActivities}.
   */
  int eraseImports(UserId userId, RegionId home);
}
