package app.stride.planner.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A pause of a plan: from the day it was paused until the day it was resumed (exclusive), dates in
 * the plan's time zone. Sessions planned on or after {@code from} move by the paused days.
 *
 * @param from the first paused day
 * @param until the day of the resume; null while the plan is paused
 */
public record Pause(LocalDate from, LocalDate until) {
  public Pause {
    Objects.requireNonNull(from, "from");
    if (until != null && until.isBefore(from)) {
      throw new IllegalArgumentException("a pause ends after it starts");
    }
  }

  /** Whether the plan is still paused. */
  public boolean isOpen() {
    return until == null;
  }

  /** The paused days; fails on an open pause. */
  public long days() {
    if (until == null) {
      throw new IllegalStateException("an open pause has no length yet");
    }
    return ChronoUnit.DAYS.between(from, until);
  }
}
