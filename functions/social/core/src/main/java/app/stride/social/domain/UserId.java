package app.stride.social.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user's id, the {@code sub} of their access token.
 *
 * @param value the id
 */
public record UserId(String value) {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public UserId {
    Objects.requireNonNull(value, "value");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("not a user id");
    }
  }

  /** Whether {@code value} is a well-formed user id. */
  public static boolean isValid(String value) {
    return value != null && FORM.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
