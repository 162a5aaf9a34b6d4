package app.stride.workouts;

import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.CursorSeal;
import app.stride.core.store.Page;
import app.stride.core.store.VersionConflictException;
import app.stride.workouts.application.port.out.HistoryQuery;
import app.stride.workouts.application.port.out.WorkoutStore;
import app.stride.workouts.domain.UserId;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory store with the ports' conditional semantics and keyset cursors sealed like the real
 * ones, for unit tests of the use cases. The real adapters are proven against dynalite and the
 * Firestore emulator in their own modules.
 */
final class InMemoryWorkoutStore implements WorkoutStore {
  private final ResidencyGuard guard;
  private final CursorSeal seal = new CursorSeal(new byte[32]);
  final Map<String, Workout> workouts = new ConcurrentHashMap<>();
  final Map<String, Map<String, OutboundEvent>> pending = new ConcurrentHashMap<>();
  final Map<String, Claim> claims = new ConcurrentHashMap<>();
  private Runnable beforeWrite = () -> {};

  InMemoryWorkoutStore(RegionId region) {
    this.guard = new ResidencyGuard(region);
  }

  /** Runs {@code action} before the next write, to simulate a concurrent writer. */
  void beforeNextWrite(Runnable action) {
    this.beforeWrite = action;
  }

  int pendingCount() {
    return pending.values().stream().mapToInt(Map::size).sum();
  }

  @Override
  public Optional<Workout> load(UserId userId, WorkoutId workoutId, RegionId home) {
    guard.requireHome(home);
    return Optional.ofNullable(workouts.get(key(userId, workoutId)));
  }

  @Override
  public List<Workout> startingBetween(UserId userId, Instant from, Instant to, RegionId home) {
    guard.requireHome(home);
    return ofUser(userId)
        .filter(w -> !w.draft().startTime().isBefore(from) && w.draft().startTime().isBefore(to))
        .toList();
  }

  @Override
  public Page<Workout> history(UserId userId, HistoryQuery query, RegionId home) {
    guard.requireHome(home);
    String scope = "memory|" + userId + "|" + query.filterScope();
    Optional<String> after =
        query.cursor().map(c -> new String(seal.open(scope, c), StandardCharsets.UTF_8));
    List<Workout> matching =
        ofUser(userId)
            .filter(w -> query.sport().map(s -> s == w.draft().sport()).orElse(true))
            .filter(w -> query.from().map(f -> !w.draft().startTime().isBefore(f)).orElse(true))
            .filter(w -> query.to().map(t -> w.draft().startTime().isBefore(t)).orElse(true))
            .filter(w -> after.map(a -> startKey(w).compareTo(a) < 0).orElse(true))
            .limit(query.limit() + 1L)
            .toList();
    if (matching.size() <= query.limit()) {
      return new Page<>(matching, Optional.empty());
    }
    List<Workout> page = matching.subList(0, query.limit());
    String last = startKey(page.get(page.size() - 1));
    return new Page<>(page, Optional.of(seal.seal(scope, last.getBytes(StandardCharsets.UTF_8))));
  }

  @Override
  public synchronized void create(Workout workout, OutboundEvent event, RegionId home) {
    guard.requireHome(home);
    runInterference();
    if (workouts.putIfAbsent(key(workout.userId(), workout.id()), workout) != null) {
      throw new VersionConflictException("exists");
    }
    addPending(workout.userId(), workout.id(), event);
  }

  @Override
  public synchronized void replace(
      Workout workout, long expectedVersion, OutboundEvent event, RegionId home) {
    guard.requireHome(home);
    runInterference();
    Workout current = workouts.get(key(workout.userId(), workout.id()));
    if (current == null || current.version() != expectedVersion) {
      throw new VersionConflictException("stale");
    }
    workouts.put(key(workout.userId(), workout.id()), workout);
    addPending(workout.userId(), workout.id(), event);
  }

  @Override
  public synchronized void delete(
      UserId userId,
      WorkoutId workoutId,
      long expectedVersion,
      OutboundEvent event,
      RegionId home) {
    guard.requireHome(home);
    runInterference();
    Workout current = workouts.get(key(userId, workoutId));
    if (current == null || current.version() != expectedVersion) {
      throw new VersionConflictException("stale");
    }
    workouts.remove(key(userId, workoutId));
    addPending(userId, workoutId, event);
  }

  @Override
  public synchronized void markPublished(
      UserId userId, WorkoutId workoutId, String eventId, RegionId home) {
    guard.requireHome(home);
    Map<String, OutboundEvent> events = pending.get(key(userId, workoutId));
    if (events != null) {
      events.remove(eventId);
    }
  }

  @Override
  public synchronized List<PendingEvent> pending(int limit, RegionId home) {
    guard.requireHome(home);
    List<PendingEvent> out = new ArrayList<>();
    pending.forEach(
        (key, events) -> {
          String[] parts = key.split("/");
          events
              .values()
              .forEach(
                  e -> out.add(new PendingEvent(new UserId(parts[0]), new WorkoutId(parts[1]), e)));
        });
    return out.subList(0, Math.min(limit, out.size()));
  }

  @Override
  public synchronized Optional<Claim> claim(UserId userId, Claim claim, RegionId home) {
    guard.requireHome(home);
    Claim existing = claims.putIfAbsent(userId + "/" + claim.key(), claim);
    return Optional.ofNullable(existing);
  }

  /**
   * Removes the user's workouts, their pending events (a deleted workout whose event is pending is
   * this store's delete marker) and their claims; counts each workout or marker and each claim.
   */
  @Override
  public synchronized int eraseAll(UserId userId, RegionId home) {
    guard.requireHome(home);
    String prefix = userId + "/";
    Set<String> items = new HashSet<>();
    workouts.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(items::add);
    pending.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(items::add);
    List<String> claimKeys = claims.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    items.forEach(
        k -> {
          workouts.remove(k);
          pending.remove(k);
        });
    claimKeys.forEach(claims::remove);
    return items.size() + claimKeys.size();
  }

  private java.util.stream.Stream<Workout> ofUser(UserId userId) {
    return workouts.values().stream()
        .filter(w -> w.userId().equals(userId))
        .sorted(Comparator.comparing(InMemoryWorkoutStore::startKey).reversed());
  }

  private static String startKey(Workout w) {
    return w.draft().startTime() + "#" + w.id();
  }

  private void addPending(UserId userId, WorkoutId workoutId, OutboundEvent event) {
    pending
        .computeIfAbsent(key(userId, workoutId), k -> new LinkedHashMap<>())
        .put(event.id(), event);
  }

  private static String key(UserId userId, WorkoutId workoutId) {
    return userId + "/" + workoutId;
  }

  private void runInterference() {
    Runnable action = beforeWrite;
    beforeWrite = () -> {};
    action.run();
  }
}
