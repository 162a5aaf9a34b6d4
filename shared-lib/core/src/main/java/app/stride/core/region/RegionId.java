package app.stride.core.region;

import java.util.regex.Pattern;

/**
 * A Stride region id such as {@code eu}, {@code us} or {@code apac}: the value of the access
 * token's {@code home_region} claim.
 */
public record RegionId(String value) {
  private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{1,15}");

  public RegionId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("region id must match " + FORM.pattern());
    }
  }

  public static RegionId of(String value) {
    return new RegionId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
