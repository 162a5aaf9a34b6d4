package app.stride.planner.application.port.out;

import app.stride.core.region.RegionId;
import app.stride.planner.domain.UserId;

/** Removes every plan of a user, for the erasure of a deleted account. */
public interface EraseMyPlansPort {
  /**
   * Deletes every plan of {@code userId}, one item at a time; deleting nothing is fine.
   *
   * @return how many plans were deleted
   * @throws app.stride.core.problem.ProblemException {@code wrong-region} when {@code home} is not
   *     the store's region
   */
  int eraseAll(UserId userId, RegionId home);
}
