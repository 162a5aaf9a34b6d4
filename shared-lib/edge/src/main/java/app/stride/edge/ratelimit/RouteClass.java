package app.stride.edge.ratelimit;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A route class of {@code rate-limits.yaml}: a name and a bucket shape per dimension.
 *
 * @param name lower-case letters, digits and dashes, starting with a letter, at most 32 characters
 * @param buckets the bucket shape per dimension; at least one
 */
public record RouteClass(String name, Map<Dimension, BucketSpec> buckets) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  public RouteClass {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a route class name is lower-case letters, digits and dashes (at most 32): " + name);
    }
    if (buckets.isEmpty()) {
      throw new IllegalArgumentException("route class " + name + " has no bucket");
    }
    buckets = Map.copyOf(new EnumMap<>(buckets));
  }

  /** The bucket shape of {@code dimension}, if this class limits by it. */
  public Optional<BucketSpec> bucket(Dimension dimension) {
    return Optional.ofNullable(buckets.get(dimension));
  }
}
