package app.stride.auth.testing;

import app.stride.auth.token.KeyRing;
import app.stride.auth.token.KeyRingStore;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.VersionConflictException;
import java.util.Optional;

/**
 * A {@link KeyRingStore} in memory, for service tests. Thread-safe; like the cloud adapters it
 * keeps the ring's stored form ({@link KeyRing#toJson()}), checks the version on save and serves
 * only its own region.
 */
public final class InMemoryKeyRingStore implements KeyRingStore {
  private final ResidencyGuard guard;
  private String json;
  private long version;

  /** A store of the key ring of {@code region}. */
  public InMemoryKeyRingStore(RegionId region) {
    this.guard = new ResidencyGuard(region);
  }

  @Override
  public synchronized Optional<KeyRing> load(RegionId region) {
    guard.requireHome(region);
    return Optional.ofNullable(json).map(KeyRing::fromJson);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when {@code ring.version()} is not {@code expectedVersion + 1}
   */
  @Override
  public synchronized void save(KeyRing ring, long expectedVersion) {
    guard.requireHome(ring.region());
    if (ring.version() != expectedVersion + 1) {
      throw new IllegalArgumentException("the saved ring's version must be expectedVersion + 1");
    }
    if (version != expectedVersion) {
      throw new VersionConflictException("the key ring changed");
    }
    json = ring.toJson();
    version = ring.version();
  }
}
