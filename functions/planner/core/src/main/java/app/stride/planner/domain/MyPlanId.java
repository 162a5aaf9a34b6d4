package app.stride.planner.domain;

import java.util.regex.Pattern;

/**
 * The id of a user's plan: {@code mp_} and 26 lower-case Crockford base32 characters, time-ordered
 * (10 characters of milliseconds, then 16 random ones).
 */
public record MyPlanId(String value) {
  private static final Pattern FORM = Pattern.compile("mp_[0-9a-hjkmnp-tv-z]{26}");

  public MyPlanId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("my plan id must match " + FORM.pattern());
    }
  }

  /** Whether {@code value} has the form of a plan id. */
  public static boolean isWellFormed(String value) {
    return value != null && FORM.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
