package app.stride.workouts.domain;

import java.util.Locale;

/**
 * The sports a workout can be recorded for: the profile's sports list plus rowing. Lower-case on
 * the wire and in the stores.
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

  /** Whether a distance makes sense for this sport (not for yoga and strength). */
  public boolean hasDistance() {
    return this != YOGA && this != STRENGTH;
  }
}
