package app.stride.edge.ratelimit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Token buckets in this process: the fallback while Redis is down, and the limiter where no Redis
 * is configured. Limits then hold per instance, not across instances.
 *
 * <p>Memory is bounded: at most {@code maxKeys} buckets are tracked; beyond that the least recently
 * used one is forgotten (it would be full again soon anyway, and a forgotten bucket only starts
 * full). Thread-safe; every call is one short critical section, so taking from several buckets is
 * all-or-nothing like the Redis script.
 */
public final class LocalRateLimiter implements RateLimiter, TokenSource {

  /** The number of buckets tracked unless given. */
  public static final int DEFAULT_MAX_KEYS = 10_000;

  private final Clock clock;
  private final int maxKeys;
  private final Map<BucketKey, TokenBucket> buckets;

  /** Buckets on {@code clock}, at most {@link #DEFAULT_MAX_KEYS}. */
  public LocalRateLimiter(Clock clock) {
    this(clock, DEFAULT_MAX_KEYS);
  }

  /**
   * @param clock the time the buckets refill by
   * @param maxKeys the most buckets kept, at least 1
   */
  public LocalRateLimiter(Clock clock, int maxKeys) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be at least 1: " + maxKeys);
    }
    this.maxKeys = maxKeys;
    this.buckets =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<BucketKey, TokenBucket> eldest) {
            return size() > LocalRateLimiter.this.maxKeys;
          }
        };
  }

  @Override
  public Acquisition acquire(List<Bucket> request) {
    int[] one = new int[request.size()];
    Arrays.fill(one, 1);
    return take(request, one).acquisition();
  }

  /**
   * Takes up to {@code wanted[i]} tokens from bucket {@code i} if each holds the {@code needed[i]}
   * whole tokens, else none: the arithmetic of {@link TokenBucketScript} in this process.
   */
  @Override
  public Grant take(List<Bucket> request, int[] wanted, int[] needed) {
    TokenSource.requireAsks(request, wanted, needed);
    long now = micros(clock.instant());
    synchronized (buckets) {
      List<TokenBucket> current = new ArrayList<>(request.size());
      boolean allowed = true;
      for (int i = 0; i < request.size(); i++) {
        Bucket bucket = request.get(i);
        TokenBucket stored = buckets.get(bucket.key());
        TokenBucket refilled =
            stored == null
                ? TokenBucket.full(bucket.spec(), now)
                : stored.refilledAt(bucket.spec(), now);
        current.add(refilled);
        allowed &= needed[i] == 0 || refilled.hasToken();
      }
      List<Integer> granted = new ArrayList<>(request.size());
      List<BucketState> states = new ArrayList<>(request.size());
      for (int i = 0; i < request.size(); i++) {
        Bucket bucket = request.get(i);
        int count = allowed ? current.get(i).grantable(wanted[i], needed[i]) : 0;
        TokenBucket after = current.get(i).taken(count);
        if (count > 0) {
          buckets.put(bucket.key(), after);
        }
        granted.add(count);
        states.add(after.state(bucket.spec()));
      }
      return new Grant(allowed, granted, states);
    }
  }

  /**
   * Sets {@code bucket} in this process to what the shared store said it held just now (its whole
   * tokens: a fraction is dropped, so never more than the store had), refilling from there. {@link
   * FallbackRateLimiter} does this for the strict classes while Redis answers, so that a switch to
   * these buckets continues from the shared count instead of starting full.
   */
  public void seed(Bucket bucket, BucketState shared) {
    long now = micros(clock.instant());
    TokenBucket known =
        new TokenBucket(Math.min(bucket.spec().capacity(), shared.remaining()), now);
    synchronized (buckets) {
      buckets.put(bucket.key(), known);
    }
  }

  /** How many buckets are tracked now (never more than {@code maxKeys}). */
  public int trackedKeys() {
    synchronized (buckets) {
      return buckets.size();
    }
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
  }
}
