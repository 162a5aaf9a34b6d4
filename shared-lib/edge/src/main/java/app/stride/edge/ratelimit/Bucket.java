package app.stride.edge.ratelimit;

import java.util.Objects;

/**
 * One bucket a request takes a token from.
 *
 * @param key which bucket
 * @param spec its capacity and refill
 */
public record Bucket(BucketKey key, BucketSpec spec) {
  public Bucket {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(spec, "spec");
  }

  /**
   * The policy name in the RateLimit headers, {@code <class>-<dimension>}, e.g. {@code auth-ip}.
   */
  public String policyName() {
    return key.routeClass() + "-" + key.dimension().id();
  }
}
