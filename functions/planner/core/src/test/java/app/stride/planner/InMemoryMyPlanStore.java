package app.stride.planner;

import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.VersionConflictException;
import app.stride.planner.application.port.out.MyPlanStore;
import app.stride.planner.domain.MyPlan;
import app.stride.planner.domain.MyPlanId;
import app.stride.planner.domain.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory store with the ports' conditional semantics, for unit tests of the use cases. The
 * real adapters are proven against dynalite and the Firestore emulator in their own modules.
 */
final class InMemoryMyPlanStore implements MyPlanStore {
  private final ResidencyGuard guard;
  final Map<MyPlanId, MyPlan> plans = new ConcurrentHashMap<>();
  int writes;
  private Runnable beforeWrite = () -> {};

  InMemoryMyPlanStore(RegionId region) {
    this.guard = new ResidencyGuard(region);
  }

  /** Runs {@code action} before the next write, to simulate a concurrent writer. */
  void beforeNextWrite(Runnable action) {
    this.beforeWrite = action;
  }

  @Override
  public Optional<MyPlan> load(UserId userId, MyPlanId id, RegionId home) {
    guard.requireHome(home);
    return Optional.ofNullable(plans.get(id)).filter(p -> p.userId().equals(userId));
  }

  @Override
  public List<MyPlan> list(UserId userId, RegionId home) {
    guard.requireHome(home);
    return plans.values().stream()
        .filter(p -> p.userId().equals(userId))
        .sorted(Comparator.comparing(p -> p.id().value()))
        .toList();
  }

  @Override
  public synchronized void create(MyPlan plan, RegionId home) {
    guard.requireHome(home);
    interfere();
    if (plans.putIfAbsent(plan.id(), plan) != null) {
      throw new VersionConflictException("exists");
    }
    writes++;
  }

  @Override
  public synchronized void replace(MyPlan plan, long expectedVersion, RegionId home) {
    guard.requireHome(home);
    interfere();
    MyPlan current = plans.get(plan.id());
    if (current == null || current.version() != expectedVersion) {
      throw new VersionConflictException("changed");
    }
    plans.put(plan.id(), plan);
    writes++;
  }

  @Override
  public synchronized int eraseAll(UserId userId, RegionId home) {
    guard.requireHome(home);
    List<MyPlanId> ids = list(userId, home).stream().map(MyPlan::id).toList();
    ids.forEach(plans::remove);
    return ids.size();
  }

  private void interfere() {
    Runnable action = beforeWrite;
    beforeWrite = () -> {};
    action.run();
  }
}
