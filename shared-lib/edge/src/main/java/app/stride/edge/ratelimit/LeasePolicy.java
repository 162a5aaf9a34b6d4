package app.stride.edge.ratelimit;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How many tokens of a bucket one instance may lease from Redis at once, and for how long (see
 * {@link LeasingRateLimiter}).
 *
 * <ul>
 *   <li><b>Size</b>: 1 (no lease: every request asks Redis, as without leases) for the strict
 *       classes ({@code auth}) and for buckets under {@code minCapacity} tokens; otherwise {@code
 *       capacity / capacityDivisor}, at most {@code maxLease}. This is the largest lease; an
 *       instance starts a bucket at 1 and grows its leases only while it uses them up.
 *   <li><b>Lifetime</b>: {@code maxLifetime}, shortened so that the bucket refills no more than two
 *       largest leases within one lifetime ({@code 2 × size × period / refill}; with the standard
 *       sizes, a tenth of the capacity). Tokens leased and not used are lost when the lease ends;
 *       as Redis keeps refilling meanwhile, a burst over a short window that starts with leases out
 *       gets at most that refill more than the bucket alone would give, however many instances
 *       lease.
 * </ul>
 *
 * @param strictClasses route classes that never lease
 * @param minCapacity buckets with fewer tokens never lease
 * @param capacityDivisor the largest lease is this fraction of the capacity
 * @param maxLease the largest lease of any bucket
 * @param maxLifetime the longest a lease lives
 */
public record LeasePolicy(
    Set<String> strictClasses,
    int minCapacity,
    int capacityDivisor,
    int maxLease,
    Duration maxLifetime) {

  /** No lease anywhere: every request asks Redis. */
  public static final LeasePolicy NONE =
      new LeasePolicy(Set.of(), Integer.MAX_VALUE, 1, 1, Duration.ofMillis(1));

  public LeasePolicy {
    strictClasses = Set.copyOf(strictClasses);
    Objects.requireNonNull(maxLifetime, "maxLifetime");
    if (minCapacity < 1 || capacityDivisor < 1 || maxLease < 1) {
      throw new IllegalArgumentException("lease sizes must be positive");
    }
    if (maxLifetime.toNanos() < 1 || maxLifetime.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalArgumentException("a lease lives up to 10 s: " + maxLifetime);
    }
  }

  /**
   * The edge's policy: {@code auth} and buckets under 50 tokens never lease; others lease up to a
   * twentieth of their capacity, at most 50 tokens, for up to one second.
   */
  public static LeasePolicy standard() {
    return new LeasePolicy(Set.of(RateLimitConfig.AUTH), 50, 20, 50, Duration.ofSeconds(1));
  }

  /** The largest lease of {@code bucket}; 1 means it never leases. */
  public int largestLease(Bucket bucket) {
    BucketSpec spec = bucket.spec();
    if (strictClasses.contains(bucket.key().routeClass()) || spec.capacity() < minCapacity) {
      return 1;
    }
    return Math.max(1, Math.min(maxLease, spec.capacity() / capacityDivisor));
  }

  /**
   * How long a lease of {@code bucket} lives, in nanoseconds: {@code maxLifetime}, or less where
   * the bucket would refill more than two largest leases meanwhile.
   */
  public long lifetimeNanos(Bucket bucket) {
    BucketSpec spec = bucket.spec();
    long refillMicros = 2L * largestLease(bucket) * spec.periodMicros() / spec.refillTokens();
    return Math.max(1, Math.min(maxLifetime.toNanos(), refillMicros * 1_000));
  }
}
