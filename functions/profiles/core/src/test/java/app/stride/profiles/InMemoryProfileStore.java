package app.stride.profiles;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.VersionConflictException;
import app.stride.profiles.application.port.out.ProfileStore;
import app.stride.profiles.domain.Profile;
import app.stride.profiles.domain.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory store with the ports' conditional semantics, for unit tests of the use cases. The
 * real adapters are proven against dynalite and the Firestore emulator in their own modules.
 */
final class InMemoryProfileStore implements ProfileStore {
  private final ResidencyGuard guard;
  final Map<UserId, Profile> profiles = new ConcurrentHashMap<>();
  final Map<UserId, Map<String, OutboundEvent>> pending = new ConcurrentHashMap<>();
  private Runnable beforeWrite = () -> {};

  InMemoryProfileStore(RegionId region) {
    this.guard = new ResidencyGuard(region);
  }

  /** Runs {@code action} before the next write, to simulate a concurrent writer. */
  void beforeNextWrite(Runnable action) {
    this.beforeWrite = action;
  }

  @Override
  public Optional<Profile> load(UserId userId, RegionId home) {
    guard.requireHome(home);
    return Optional.ofNullable(profiles.get(userId));
  }

  @Override
  public synchronized void create(Profile profile, OutboundEvent event, RegionId home) {
    guard.requireHome(home);
    runInterference();
    if (profiles.containsKey(profile.userId())) {
      throw new VersionConflictException("exists");
    }
    profiles.put(profile.userId(), profile);
    addPending(profile.userId(), event);
  }

  @Override
  public synchronized void replace(
      Profile profile, long expectedVersion, OutboundEvent event, RegionId home) {
    guard.requireHome(home);
    runInterference();
    Profile current = profiles.get(profile.userId());
    if (current == null || current.version() != expectedVersion) {
      throw new VersionConflictException("stale");
    }
    profiles.put(profile.userId(), profile);
    addPending(profile.userId(), event);
  }

  @Override
  public synchronized void delete(
      UserId userId, long expectedVersion, OutboundEvent event, RegionId home) {
    guard.requireHome(home);
    runInterference();
    Profile current = profiles.get(userId);
    if (current == null || current.version() != expectedVersion) {
      throw new VersionConflictException("stale");
    }
    profiles.remove(userId);
    addPending(userId, event);
  }

  @Override
  public synchronized void markPublished(UserId userId, String eventId, RegionId home) {
    guard.requireHome(home);
    Map<String, OutboundEvent> events = pending.get(userId);
    if (events != null) {
      events.remove(eventId);
    }
  }

  @Override
  public synchronized List<PendingEvent> pending(int limit, RegionId home) {
    guard.requireHome(home);
    List<PendingEvent> out = new ArrayList<>();
    pending.forEach(
        (user, events) -> events.values().forEach(e -> out.add(new PendingEvent(user, e))));
    return out.subList(0, Math.min(limit, out.size()));
  }

  private void addPending(UserId userId, OutboundEvent event) {
    pending.computeIfAbsent(userId, u -> new LinkedHashMap<>()).put(event.id(), event);
  }

  private void runInterference() {
    Runnable action = beforeWrite;
    beforeWrite = () -> {};
    action.run();
  }
}
