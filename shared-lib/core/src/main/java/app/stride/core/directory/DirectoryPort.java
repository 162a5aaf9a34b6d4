package app.stride.core.directory;

import app.stride.core.region.RegionId;
import java.util.Optional;

/**
 * The global directory. One adapter per cloud (DynamoDB in the global stack, Firestore); entries
 * hold a {@link DirectoryKey} and a region id, nothing else.
 */
public interface DirectoryPort {
  /**
   * Records that the account of {@code key} lives in {@code home}.
   *
   * @throws app.stride.core.store.VersionConflictException when the key is already registered (the
   *     identifier is taken), whatever its region
   */
  void register(DirectoryKey key, RegionId home);

  /** The home region of {@code key}'s account, if registered. */
  Optional<RegionId> homeRegion(DirectoryKey key);

  /** Removes the entry of {@code key}; does nothing when absent. */
  void remove(DirectoryKey key);
}
