package app.stride.planner;

import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.VersionConflictException;
import app.stride.planner.application.port.out.CalendarFeedStore;
import app.stride.planner.domain.CalendarFeed;
import app.stride.planner.domain.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory {@link CalendarFeedStore} with the port's conditional semantics, for unit tests. */
final class InMemoryCalendarFeedStore implements CalendarFeedStore {
  private final ResidencyGuard guard;
  final Map<UserId, CalendarFeed> feeds = new ConcurrentHashMap<>();
  final Map<String, UserId> lookups = new ConcurrentHashMap<>();
  private Runnable beforeSave = () -> {};
  private Runnable beforeDelete = () -> {};
  private boolean failLookupRemoval;

  InMemoryCalendarFeedStore(RegionId region) {
    this.guard = new ResidencyGuard(region);
  }

  /** Runs {@code action} before the next save, to simulate a concurrent writer. */
  void beforeNextSave(Runnable action) {
    this.beforeSave = action;
  }

  /** Runs {@code action} before the next delete, to simulate a concurrent writer. */
  void beforeNextDelete(Runnable action) {
    this.beforeDelete = action;
  }

  /** Makes every lookup removal fail as an unreachable store would (a crash before it). */
  void failLookupRemovals() {
    this.failLookupRemoval = true;
  }

  @Override
  public Optional<CalendarFeed> load(UserId userId, RegionId home) {
    guard.requireHome(home);
    return Optional.ofNullable(feeds.get(userId));
  }

  @Override
  public Optional<UserId> ownerOf(String tokenHash, RegionId home) {
    guard.requireHome(home);
    return Optional.ofNullable(lookups.get(tokenHash));
  }

  @Override
  public void addLookup(String tokenHash, UserId userId, Instant createdAt, RegionId home) {
    guard.requireHome(home);
    if (lookups.putIfAbsent(tokenHash, userId) != null) {
      throw new VersionConflictException("hash taken");
    }
  }

  @Override
  public void removeLookup(String tokenHash, RegionId home) {
    guard.requireHome(home);
    if (failLookupRemoval) {
      throw new app.stride.core.store.StoreUnavailableException("lookup", null);
    }
    lookups.remove(tokenHash);
  }

  @Override
  public synchronized void save(CalendarFeed feed, long expectedVersion, RegionId home) {
    guard.requireHome(home);
    Runnable action = beforeSave;
    beforeSave = () -> {};
    action.run();
    CalendarFeed current = feeds.get(feed.userId());
    long stored = current == null ? 0 : current.version();
    if (stored != expectedVersion) {
      throw new VersionConflictException("feed changed");
    }
    feeds.put(feed.userId(), feed);
  }

  @Override
  public synchronized void delete(UserId userId, long expectedVersion, RegionId home) {
    guard.requireHome(home);
    Runnable action = beforeDelete;
    beforeDelete = () -> {};
    action.run();
    CalendarFeed current = feeds.get(userId);
    if (current == null || current.version() != expectedVersion) {
      throw new VersionConflictException("feed changed");
    }
    feeds.remove(userId);
  }
}
