package app.stride.auth.token;

import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import java.util.Optional;

/**
 * Where a region keeps its signing key ring: one item per region in that region's own store (the
 * private keys never leave it), written with an optimistic version check. Implemented by the cloud
 * modules on their item stores; the stored document is {@link KeyRing#toJson()}, which holds
 * private keys: implementations must not log it.
 */
public interface KeyRingStore {
  /**
   * The region's ring, empty when none was saved yet.
   *
   * @throws StoreUnavailableException when the store cannot be reached
   */
  Optional<KeyRing> load(RegionId region);

  /**
   * Saves {@code ring} if the stored ring still has {@code expectedVersion} ({@code 0}: none stored
   * yet). The saved ring's own version is the next one (the rotation sets it).
   *
   * @throws VersionConflictException when another writer saved first
   * @throws StoreUnavailableException when the store cannot be reached
   */
  void save(KeyRing ring, long expectedVersion);
}
