package app.stride.social.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A group's id, {@code <region>.g<26 base32 characters>}: the prefix names the region the group
 * lives in, so the edge and the functions can find it without a lookup.
 *
 * @param value the id
 */
public record GroupId(String value) {
  private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{1,15}\\.g[0-9a-z]{26}");

  public GroupId {
    Objects.requireNonNull(value, "value");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("not a group id");
    }
  }

  /** Whether {@code value} is a well-formed group id. */
  public static boolean isValid(String value) {
    return value != null && FORM.matcher(value).matches();
  }

  /** A new random id of a group living in {@code region}. */
  public static GroupId newIn(String region, RandomIds ids) {
    return new GroupId(region + ".g" + ids.random(26));
  }

  /** The region the group lives in. */
  public String region() {
    return value.substring(0, value.indexOf('.'));
  }

  @Override
  public String toString() {
    return value;
  }
}
