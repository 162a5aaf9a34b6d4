package app.stride.profiles.application.port.out;

import app.stride.core.region.RegionId;
import app.stride.profiles.domain.Profile;
import app.stride.profiles.domain.UserId;
import java.util.Optional;

/** Reads profiles from the serving region's store. */
public interface LoadProfilePort {
  /**
   * The stored profile of {@code userId}, homed in {@code home}.
   *
   * @return empty when the user has no profile in this region
   * @throws app.stride.core.problem.ProblemException {@code wrong-region} when {@code home} is not
   *     the store's region
   * @throws app.stride.core.store.StoreUnavailableException when the store cannot be reached
   */
  Optional<Profile> load(UserId userId, RegionId home);
}
