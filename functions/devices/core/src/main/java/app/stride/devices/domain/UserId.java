package app.stride.devices.domain;

import java.util.regex.Pattern;

/** The id of a user, the access token's {@code sub}: the partition of their activities. */
public record UserId(String value) {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

  public UserId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("user id must match " + FORM.pattern());
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
