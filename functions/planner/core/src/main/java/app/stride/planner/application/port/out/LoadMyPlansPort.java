package app.stride.planner.application.port.out;

import app.stride.core.region.RegionId;
import app.stride.planner.domain.MyPlan;
import app.stride.planner.domain.MyPlanId;
import app.stride.planner.domain.UserId;
import java.util.List;
import java.util.Optional;

/** Reads users' plans from the serving region's store. */
public interface LoadMyPlansPort {
  /**
   * The plan {@code id} of {@code userId}, homed in {@code home}.
   *
   * @return empty when the user has no such plan
   * @throws app.stride.core.problem.ProblemException {@code wrong-region} when {@code home} is not
   *     the store's region
   * @throws app.stride.core.store.StoreUnavailableException when the store cannot be reached
   */
  Optional<MyPlan> load(UserId userId, MyPlanId id, RegionId home);

  /**
   * Every plan of {@code userId} (abandoned ones included), oldest first.
   *
   * @throws app.stride.core.problem.ProblemException {@code wrong-region} as {@link #load}
   */
  List<MyPlan> list(UserId userId, RegionId home);
}
