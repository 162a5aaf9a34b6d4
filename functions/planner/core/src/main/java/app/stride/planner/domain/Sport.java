package app.stride.planner.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The sports the plan library has plans for. */
public enum Sport {
  RUNNING,
  YOGA;

  /** The wire name, lower-case. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The sport of a wire name; empty when unknown. */
  public static Optional<Sport> fromWire(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
  }
}
