package app.stride.workouts.domain;

import java.util.Locale;

/** The length units a caller may give a distance or an elevation gain in. */
public enum LengthUnit {
  M(1.0),
  KM(1000.0),
  MI(1609.344),
  YD(0.9144),
  FT(0.3048);

  private final double metres;

  LengthUnit(double metres) {
    this.metres = metres;
  }

  /** {@code value} of this unit in metres. */
  public double toMetres(double value) {
    return value * metres;
  }

  /** {@code metres} in this unit. */
  public double fromMetres(double metres) {
    return metres / this.metres;
  }

  /** The wire symbol, e.g. {@code mi}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The unit of a wire symbol. */
  public static LengthUnit fromWire(String symbol) {
    return valueOf(symbol.toUpperCase(Locale.ROOT));
  }
}
