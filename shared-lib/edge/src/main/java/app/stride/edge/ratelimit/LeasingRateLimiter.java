package app.stride.edge.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token leases: takes a bucket's tokens from Redis a few at a time and admits requests from them in
 * this process, so that a request whose buckets all hold leased tokens makes no call to Redis.
 *
 * <p><b>Never more than the buckets allow.</b> Tokens are taken from Redis (one atomic script call,
 * {@link TokenSource}) before any request spends them, and each is spent at most once, so across
 * any number of instances the admissions never exceed what the Redis buckets gave out: capacity
 * plus refill. Leased tokens not used within the lease's lifetime are lost, never returned: a
 * client can be limited up to (largest lease − 1) tokens early per instance that leased for it.
 * Because Redis keeps refilling while a lease is out, a burst over a short window that starts with
 * leases out can get up to one lifetime's refill more than a single bucket would (the lifetime is
 * cut so that this stays within a tenth of the capacity, see {@link LeasePolicy}).
 *
 * <p><b>Sizes</b> come from {@link LeasePolicy} (1, i.e. no lease, for {@code auth} and small
 * buckets) and from the demand this instance sees (see {@link Lease}): a key starts at one token
 * and its leases grow only while they are used up.
 *
 * <p><b>Renewal in passing.</b> A request that calls Redis for some of its buckets also renews, in
 * the same call, the leases of its other buckets that are used up or past half their lifetime
 * (asking them for tokens it does not need, so an empty bucket there never refuses the request).
 * The renewed tokens wait beside the current ones with a lifetime of their own (see {@link Lease})
 * and take over when those are used up or expire. So the buckets of one client (its user and its
 * address) come to be renewed together, in one call instead of one each.
 *
 * <p><b>Answers.</b> A request takes one leased token from each of its buckets; the buckets without
 * one are asked together in one call. A refusal always comes from Redis' answer (with its time to
 * the next token, hence {@code Retry-After}), and gives back any leased token the request took from
 * its other buckets, so refusals stay all-or-nothing. A leased bucket reports as remaining what
 * Redis kept at the grant plus the leased tokens not yet used, i.e. what the bucket held at the
 * grant minus what this lease served since: never more than the bucket held.
 *
 * <p><b>Concurrency.</b> Each lease is guarded by its own monitor, never held across the call to
 * Redis. Per key one caller at a time fetches the next lease. Callers that find the lease empty
 * meanwhile wait for that fetch, as many as it asked tokens for beyond its leader's, at most the
 * Redis timeout, and then take from the new lease (the concurrent requests of one client, such as
 * an app's calls at start, share one call); the others, and callers that lead a fetch of their own
 * (so two requests never wait for each other), ask Redis for their own token only, so no burst of
 * callers hoards tokens. At most {@code maxKeys} keys hold leases (beyond that, requests ask Redis
 * directly); keys idle for two seconds are swept once a second.
 *
 * <p><b>Failures.</b> A {@link RateLimiterUnavailableException} from Redis drops every lease and
 * propagates, so that {@link FallbackRateLimiter} switches to in-process buckets and its probes
 * reach Redis, not a lease.
 */
public final class LeasingRateLimiter implements SharedRateLimiter, AutoCloseable {

  private static final long SWEEP_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final TokenSource source;
  private final LeasePolicy policy;
  private final int maxKeys;
  private final LongSupplier nanoTime;
  private final long fetchWaitNanos;
  private final ConcurrentHashMap<BucketKey, Lease> leases = new ConcurrentHashMap<>();
  private final AtomicLong nextSweep;

  /**
   * Leases from {@code redis}.
   *
   * @param redis the shared buckets; closed by {@link #close()}
   * @param policy the lease sizes and lifetimes
   * @param maxKeys the most keys holding leases at once, at least 1
   */
  public LeasingRateLimiter(RedisRateLimiter redis, LeasePolicy policy, int maxKeys) {
    this(redis, policy, maxKeys, RedisRateLimiter.DEFAULT_TIMEOUT);
  }

  /**
   * Leases from {@code redis}.
   *
   * @param redis the shared buckets; closed by {@link #close()}
   * @param policy the lease sizes and lifetimes
   * @param maxKeys the most keys holding leases at once, at least 1
   * @param redisTimeout the longest a call to {@code redis} takes before it fails: the longest a
   *     request waits for the tokens of another's fetch in flight
   */
  public LeasingRateLimiter(
      RedisRateLimiter redis, LeasePolicy policy, int maxKeys, Duration redisTimeout) {
    this(redis, policy, maxKeys, System::nanoTime, redisTimeout);
  }

  LeasingRateLimiter(
      TokenSource source,
      LeasePolicy policy,
      int maxKeys,
      LongSupplier nanoTime,
      Duration fetchWait) {
    this.source = Objects.requireNonNull(source, "source");
    this.fetchWaitNanos = fetchWait.toNanos();
    this.policy = Objects.requireNonNull(policy, "policy");
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be at least 1: " + maxKeys);
    }
    this.maxKeys = maxKeys;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.nextSweep = new AtomicLong(nanoTime.getAsLong() + SWEEP_EVERY_NANOS);
  }

  @Override
  public Acquisition acquire(List<Bucket> buckets) {
    requireDistinct(buckets);
    long now = nanoTime.getAsLong();
    sweepIfDue(now);
    Request request = new Request(buckets);
    for (int i = 0; i < buckets.size(); i++) {
      request.takeLeased(i, now);
    }
    if (request.asking.isEmpty()) {
      return new Acquisition(true, Arrays.asList(request.states));
    }
    for (int i = 0; i < buckets.size(); i++) {
      request.renewIfDue(i, now);
    }
    return request.askRedis(now);
  }

  /** Charged to Redis directly; this instance's leases stay as they are. */
  @Override
  public void charge(List<Bucket> buckets, int[] counts) {
    requireDistinct(buckets);
    source.take(buckets, counts, new int[counts.length]);
  }

  /** Keys holding a lease now (expired ones included until swept). */
  public int leasedKeys() {
    return leases.size();
  }

  /** Closes the source (the Redis client) if it can be closed. */
  @Override
  public void close() {
    Closeables.closeIfCloseable(source);
  }

  /** One request's walk over its buckets: leased tokens first, then one call for the rest. */
  private final class Request {
    private final List<Bucket> buckets;
    private final BucketState[] states;
    private final Lease[] leases;
    private final long[] takenFrom;
    private final boolean[] leader;
    private final boolean[] renewing;
    private final List<Integer> asking = new ArrayList<>(2);
    private final List<Integer> wanted = new ArrayList<>(2);
    private final List<Integer> needed = new ArrayList<>(2);
    private boolean leads;

    Request(List<Bucket> buckets) {
      int n = buckets.size();
      this.buckets = buckets;
      this.states = new BucketState[n];
      this.leases = new Lease[n];
      this.takenFrom = new long[n];
      this.leader = new boolean[n];
      this.renewing = new boolean[n];
      Arrays.fill(takenFrom, -1);
    }

    void takeLeased(int i, long now) {
      Bucket bucket = buckets.get(i);
      int largest = policy.largestLease(bucket);
      Lease lease = largest > 1 ? leaseOf(bucket.key()) : null;
      if (lease == null) {
        ask(i, 1, 1);
        return;
      }
      leases[i] = lease;
      long lifetime = policy.lifetimeNanos(bucket);
      Lease.Attempt attempt = lease.take(now, largest, lifetime, !leads);
      if (attempt instanceof Lease.Wait wait) {
        lease.awaitFetch(wait.fetch(), fetchWaitNanos);
        attempt = lease.take(nanoTime.getAsLong(), largest, lifetime, false);
      }
      if (attempt instanceof Lease.Taken taken) {
        takenFrom[i] = taken.generation();
        states[i] = taken.state();
      } else if (attempt instanceof Lease.Fetch fetch) {
        leader[i] = fetch.leader();
        leads |= fetch.leader();
        ask(i, fetch.wanted(), 1);
      } else {
        ask(i, 1, 1); // a second wait is never offered (mayWait false): unreachable
      }
    }

    /**
     * A bucket served from its lease, in a request that calls Redis anyway: renews its lease in the
     * same call when that is due, asking for tokens the request does not need (so an empty bucket
     * cannot refuse the request), instead of a call of its own later.
     */
    void renewIfDue(int i, long now) {
      if (takenFrom[i] < 0) {
        return;
      }
      Bucket bucket = buckets.get(i);
      int size =
          leases[i].claimRenewal(now, policy.largestLease(bucket), policy.lifetimeNanos(bucket));
      if (size > 0) {
        renewing[i] = true;
        ask(i, size, 0);
      }
    }

    Acquisition askRedis(long started) {
      List<Bucket> asked = new ArrayList<>(asking.size());
      int[] counts = new int[asking.size()];
      int[] needs = new int[asking.size()];
      for (int j = 0; j < asking.size(); j++) {
        asked.add(buckets.get(asking.get(j)));
        counts[j] = wanted.get(j);
        needs[j] = needed.get(j);
      }
      Grant grant;
      try {
        grant = source.take(asked, counts, needs);
      } catch (RuntimeException e) {
        abandonAll(started);
        if (e instanceof RateLimiterUnavailableException) {
          LeasingRateLimiter.this.leases.clear();
        }
        throw e;
      }
      for (int j = 0; j < asking.size(); j++) {
        int i = asking.get(j);
        BucketState redisState = grant.states().get(j);
        if (renewing[i]) {
          states[i] =
              grant.allowed()
                  ? leases[i].installNext(
                      started,
                      policy.lifetimeNanos(buckets.get(i)),
                      grant.granted().get(j),
                      redisState)
                  : abandoned(i, redisState);
        } else if (grant.allowed() && leader[i]) {
          states[i] =
              leases[i].install(
                  started,
                  policy.lifetimeNanos(buckets.get(i)),
                  grant.granted().get(j),
                  redisState);
        } else {
          if (leader[i]) {
            leases[i].abandon();
          }
          states[i] = redisState;
        }
      }
      if (!grant.allowed()) {
        giveBackLeased(started);
      }
      return new Acquisition(grant.allowed(), Arrays.asList(states));
    }

    private void ask(int i, int count, int need) {
      asking.add(i);
      wanted.add(count);
      needed.add(need);
    }

    /** A renewal refused with its request: the request's leased token is given back below. */
    private BucketState abandoned(int i, BucketState redisState) {
      leases[i].abandon();
      return redisState;
    }

    private void giveBackLeased(long now) {
      for (int i = 0; i < states.length; i++) {
        if (takenFrom[i] >= 0) {
          states[i] = leases[i].giveBack(takenFrom[i], now);
        }
      }
    }

    private void abandonAll(long now) {
      for (int i = 0; i < states.length; i++) {
        if (leader[i] || renewing[i]) {
          leases[i].abandon();
        }
      }
      giveBackLeased(now);
    }
  }

  private Lease leaseOf(BucketKey key) {
    Lease lease = leases.get(key);
    if (lease != null || leases.size() >= maxKeys) {
      return lease;
    }
    return leases.computeIfAbsent(key, k -> new Lease());
  }

  private void sweepIfDue(long now) {
    long due = nextSweep.get();
    if (now - due < 0 || !nextSweep.compareAndSet(due, now + SWEEP_EVERY_NANOS)) {
      return;
    }
    leases.values().removeIf(lease -> lease.idle(now, IDLE_NANOS));
  }

  private static void requireDistinct(List<Bucket> buckets) {
    if (buckets.isEmpty()) {
      throw new IllegalArgumentException("at least one bucket");
    }
    for (int i = 0; i < buckets.size(); i++) {
      for (int j = i + 1; j < buckets.size(); j++) {
        if (buckets.get(i).key().equals(buckets.get(j).key())) {
          throw new IllegalArgumentException("the buckets of one request must be distinct");
        }
      }
    }
  }
}
