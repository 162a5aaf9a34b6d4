package app.stride.planner.application.port.out;

import app.stride.core.region.RegionId;
import app.stride.planner.domain.MyPlan;

/** Writes users' plans with single-item conditional writes on their version. */
public interface SaveMyPlanPort {
  /**
   * Stores a new plan (version 1).
   *
   * @throws app.stride.core.store.VersionConflictException when a plan with its id exists
   * @throws app.stride.core.problem.ProblemException {@code wrong-region} when {@code home} is not
   *     the store's region
   */
  void create(MyPlan plan, RegionId home);

  /**
   * Replaces the stored plan if its version is still {@code expectedVersion}; {@code plan} carries
   * the next version.
   *
   * @throws app.stride.core.store.VersionConflictException when the stored version differs or the
   *     plan is gone
   */
  void replace(MyPlan plan, long expectedVersion, RegionId home);
}
