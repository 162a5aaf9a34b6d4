package app.stride.planner.domain;

import java.util.regex.Pattern;

/** The id of a plan template in the library, e.g. {@code running-5k-beginner}. */
public record PlanId(String value) {
  private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

  public PlanId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("plan id must match " + FORM.pattern());
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
