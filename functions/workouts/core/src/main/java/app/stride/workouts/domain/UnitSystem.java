package app.stride.workouts.domain;

/**
 * The unit system a user reads and enters values in, from their profile's {@code
 * preferences.units}. Stored values are always SI.
 */
public enum UnitSystem {
  METRIC(LengthUnit.KM, LengthUnit.M),
  IMPERIAL(LengthUnit.MI, LengthUnit.FT);

  private final LengthUnit distance;
  private final LengthUnit elevation;

  UnitSystem(LengthUnit distance, LengthUnit elevation) {
    this.distance = distance;
    this.elevation = elevation;
  }

  /** The unit distances are shown in, and read in when the caller names none. */
  public LengthUnit distanceUnit() {
    return distance;
  }

  /** The unit elevation gains are shown in, and read in when the caller names none. */
  public LengthUnit elevationUnit() {
    return elevation;
  }
}
