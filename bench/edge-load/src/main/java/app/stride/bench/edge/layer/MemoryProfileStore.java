package app.stride.bench.edge.layer;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.VersionConflictException;
import app.stride.profiles.application.port.out.ProfileStore;
import app.stride.profiles.domain.Profile;
import app.stride.profiles.domain.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The profile store of the layer benchmark: a map, so that both sides read in nanoseconds and the
 * difference between them is the edge layer, not a database. Keeps the ports' residency check and
 * conditional writes; keeps no outbox (the benchmark publishes nothing).
 */
final class MemoryProfileStore implements ProfileStore {
  private final ResidencyGuard guard;
  private final Map<UserId, Profile> profiles = new ConcurrentHashMap<>();

  MemoryProfileStore(RegionId region) {
    this.guard = new ResidencyGuard(region);
  }

  @Override
  public Optional<Profile> load(UserId userId, RegionId home) {
    guard.requireHome(home);
    return Optional.ofNullable(profiles.get(userId));
  }

  @Override
  public void create(Profile profile, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    if (profiles.putIfAbsent(profile.userId(), profile) != null) {
      throw new VersionConflictException("exists");
    }
  }

  @Override
  public void replace(Profile profile, long expectedVersion, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    Profile current = profiles.get(profile.userId());
    if (current == null
        || current.version() != expectedVersion
        || !profiles.replace(profile.userId(), current, profile)) {
      throw new VersionConflictException("stale");
    }
  }

  @Override
  public void delete(UserId userId, long expectedVersion, OutboundEvent pending, RegionId home) {
    guard.requireHome(home);
    Profile current = profiles.get(userId);
    if (current == null
        || current.version() != expectedVersion
        || !profiles.remove(userId, current)) {
      throw new VersionConflictException("stale");
    }
  }

  @Override
  public void markPublished(UserId userId, String eventId, RegionId home) {
    guard.requireHome(home);
  }

  @Override
  public List<PendingEvent> pending(int limit, RegionId home) {
    guard.requireHome(home);
    return List.of();
  }
}
