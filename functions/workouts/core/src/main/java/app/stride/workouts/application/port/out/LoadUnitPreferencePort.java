package app.stride.workouts.application.port.out;

import app.stride.core.region.RegionId;
import app.stride.workouts.domain.UnitSystem;
import app.stride.workouts.domain.UserId;

/**
 * Reads the unit system a user chose in their profile ({@code preferences.units}), read-only, from
 * the profiles store of the serving region. The adapters read the profiles' persistence layout
 * directly (no dependency on the profiles modules).
 */
public interface LoadUnitPreferencePort {
  /**
   * The user's unit system.
   *
   * @return {@link UnitSystem#METRIC} when the user has no profile, a deleted one, or no units set
   * @throws app.stride.core.store.StoreUnavailableException when the store cannot be reached
   */
  UnitSystem unitsOf(UserId userId, RegionId home);
}
