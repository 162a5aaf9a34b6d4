package app.stride.planner.domain;

import java.util.Arrays;
import java.util.Locale;

/** Who a plan is for. */
public enum Level {
  BEGINNER,
  INTERMEDIATE,
  ALL_LEVELS;

  /** The wire name, e.g. {@code all-levels}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The level of a wire name. */
  public static Level fromWire(String name) {
    return Arrays.stream(values())
        .filter(l -> l.wireName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown level " + name));
  }
}
