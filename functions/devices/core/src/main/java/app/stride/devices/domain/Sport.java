package app.stride.devices.domain;

import java.util.Locale;

/**
 * The sport of an activity, on the same wire names as recorded workouts (one read model for the
 * history). Every source's sport codes map onto these (docs/devices.md has the tables); a code with
 * no better match is {@link #OTHER}.
 */
public enum Sport {
  RUNNING,
  CYCLING,
  SWIMMING,
  WALKING,
  HIKING,
  YOGA,
  STRENGTH,
  ROWING,
  OTHER;

  /** The wire and storage name, e.g. {@code running}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The sport of a wire name. */
  public static Sport fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
