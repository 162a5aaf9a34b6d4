package app.stride.core.region;

import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import java.util.Objects;

/**
 * Keeps a function inside its own region: every read or write of personal data names the data
 * owner's home region, and the guard refuses it unless that is the region this function serves. IAM
 * in the infrastructure enforces the same rule; this guard makes a wiring mistake fail loudly
 * instead of writing a user's data into a foreign store.
 */
public final class ResidencyGuard {
  private final RegionId servingRegion;

  public ResidencyGuard(RegionId servingRegion) {
    this.servingRegion = Objects.requireNonNull(servingRegion, "servingRegion");
  }

  /** The region whose store this function may touch. */
  public RegionId servingRegion() {
    return servingRegion;
  }

  /**
   * Passes when {@code homeRegion} is the serving region.
   *
   * @throws ProblemException of type {@link ProblemType#WRONG_REGION} otherwise
   */
  public void requireHome(RegionId homeRegion) {
    if (!servingRegion.equals(homeRegion)) {
      throw new ProblemException(
          Problem.of(
                  ProblemType.WRONG_REGION,
                  "This request belongs to region '"
                      + homeRegion
                      + "' and cannot be served by region '"
                      + servingRegion
                      + "'.")
              .with("homeRegion", homeRegion.value()),
          java.util.Map.of(),
          null);
    }
  }
}
