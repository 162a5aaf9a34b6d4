package app.stride.planner.domain;

import java.util.Locale;

/** Where a user's plan stands. */
public enum PlanStatus {
  ACTIVE,
  PAUSED,
  ABANDONED;

  /** The wire name, lower-case. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
