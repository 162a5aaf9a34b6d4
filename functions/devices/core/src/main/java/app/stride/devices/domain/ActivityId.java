package app.stride.devices.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** The id of an activity: {@code a_} and 26 time-ordered base32 characters. */
public record ActivityId(String value) {
  private static final Pattern FORM = TimeOrderedId.form("a_");

  public ActivityId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("id must match " + FORM.pattern());
    }
  }

  /** A new id created at {@code now}. */
  public static ActivityId next(Instant now, RandomGenerator random) {
    return new ActivityId(TimeOrderedId.next("a_", now, random));
  }

  /** The id {@code value} stands for, or empty when it is not one. */
  public static Optional<ActivityId> parse(String value) {
    return value != null && FORM.matcher(value).matches()
        ? Optional.of(new ActivityId(value))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
