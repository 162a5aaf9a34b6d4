package app.stride.edge.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis first, this process when Redis fails: a Redis outage weakens the limits to per-instance
 * ones instead of switching them off or failing requests.
 *
 * <p>When the primary throws {@link RateLimiterUnavailableException} (down, or slower than its
 * short command timeout), the request is decided by the {@link LocalRateLimiter} and the limiter
 * stays on the fallback: the gauge {@value #ACTIVE_GAUGE} reads 1 and each decision taken here
 * counts in {@value #FALLBACK_COUNTER} (tag {@code route_class}). While on the fallback one request
 * at a time probes the primary, at most once per probe interval, so an outage costs no timeout per
 * request; the first answer ends the fallback and the gauge returns to 0. Each switch writes one
 * log line that names no key. Register one instance per meter registry (the gauge has no tags).
 *
 * <p>Across a switch: the buckets of the <b>seeded classes</b> ({@code auth} at the edge, the
 * brute-force limits) follow Redis' answers in this process while Redis decides ({@link
 * LocalRateLimiter#seed}), so a client that spent its login attempts in Redis finds them spent here
 * too: slowing Redis down until the edge falls back buys no fresh burst on an instance that served
 * that client. Other buckets, and keys this instance never saw, start full: a client may get up to
 * one extra burst per instance across a switch. Seeding is one short critical section per request
 * of those classes only, none on the hot read and write paths.
 *
 * <p>And back: what this instance admitted in the seeded classes while on the fallback is charged
 * to Redis when Redis answers again ({@link SharedRateLimiter#charge}, as far as each bucket holds
 * tokens), so that those admissions count for every instance: Redis, slowed past the timeout but
 * keeping its data, would otherwise still hold the tokens this instance spent meanwhile, and the
 * client would get them a second time. The charge is the probe's first call, before the probing
 * request takes its own token; if it fails, the probe fails and the admissions stay owed. At most
 * {@value #MAX_OWED_KEYS} keys are remembered per fallback; whatever is left over (admitted by
 * requests still deciding here while the probe charged) is forgotten on the next switch to the
 * fallback.
 */
public final class FallbackRateLimiter implements RateLimiter, AutoCloseable {

  /** Gauge: 1 while decisions are taken in this process because Redis failed, else 0. */
  public static final String ACTIVE_GAUGE = "stride.ratelimit.fallback.active";

  /** Counter of the decisions taken in this process while on the fallback. */
  public static final String FALLBACK_COUNTER = "stride.ratelimit.fallback.decisions";

  /** How often the primary is probed while on the fallback, unless given. */
  public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(3);

  /** The most keys whose fallback admissions are remembered for charging. */
  static final int MAX_OWED_KEYS = 10_000;

  /** Buckets per charge call. */
  private static final int CHARGE_BATCH = 50;

  private static final Logger LOG = LoggerFactory.getLogger(FallbackRateLimiter.class);

  private final SharedRateLimiter primary;
  private final LocalRateLimiter fallback;
  private final Clock clock;
  private final long probeIntervalMillis;
  private final MeterRegistry registry;
  private final Set<String> seededClasses;
  private final AtomicBoolean active = new AtomicBoolean();
  private final AtomicLong nextProbeMillis = new AtomicLong();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<BucketKey, Owed> owed = new ConcurrentHashMap<>();

  /** Admissions of one seeded bucket decided in this process, to be charged to Redis. */
  private record Owed(Bucket bucket, AtomicInteger count) {}

  /**
   * @param primary the shared limiter (Redis), charged with the seeded classes' fallback admissions
   * @param fallback the limiter used while the primary fails
   * @param clock when to probe the primary again
   * @param probeInterval the least time between two probes of a failed primary (zero: every call)
   * @param registry where the gauge and the counter go
   * @param seededClasses the route classes whose local buckets follow Redis' answers
   */
  public FallbackRateLimiter(
      SharedRateLimiter primary,
      LocalRateLimiter fallback,
      Clock clock,
      Duration probeInterval,
      MeterRegistry registry,
      Set<String> seededClasses) {
    this.primary = Objects.requireNonNull(primary, "primary");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.probeIntervalMillis = Objects.requireNonNull(probeInterval, "probeInterval").toMillis();
    if (probeIntervalMillis < 0) {
      throw new IllegalArgumentException("probeInterval must not be negative");
    }
    this.registry = Objects.requireNonNull(registry, "registry");
    this.seededClasses = Set.copyOf(seededClasses);
    Gauge.builder(ACTIVE_GAUGE, active, on -> on.get() ? 1 : 0)
        .description("1 while rate limits are decided in this process because Redis failed")
        .strongReference(true)
        .register(registry);
  }

  @Override
  public Acquisition acquire(List<Bucket> buckets) {
    boolean probing = false;
    if (active.get()) {
      if (!claimProbe()) {
        return local(buckets);
      }
      probing = true;
    }
    try {
      if (probing) {
        chargeOwed(); // first, so that this request cannot take a token already spent here
      }
      Acquisition answer = primary.acquire(buckets);
      seed(buckets, answer);
      if (active.compareAndSet(true, false)) {
        LOG.warn("Rate limits: Redis answers again; deciding there");
      }
      return answer;
    } catch (RateLimiterUnavailableException e) {
      nextProbeMillis.set(clock.millis() + probeIntervalMillis);
      if (active.compareAndSet(false, true)) {
        owed.clear(); // leftovers of an earlier fallback: long refilled
        LOG.warn(
            "Rate limits: Redis failed ({}); deciding in this process until it answers again",
            describe(e));
      }
      return local(buckets);
    }
  }

  /** Whether decisions are currently taken in this process. */
  public boolean fallbackActive() {
    return active.get();
  }

  /** Closes the primary if it can be closed. */
  @Override
  public void close() {
    Closeables.closeIfCloseable(primary);
  }

  /** Copies Redis' answer for the seeded classes' buckets into the local ones. */
  private void seed(List<Bucket> buckets, Acquisition answer) {
    for (int i = 0; i < buckets.size(); i++) {
      Bucket bucket = buckets.get(i);
      if (seededClasses.contains(bucket.key().routeClass())) {
        fallback.seed(bucket, answer.states().get(i));
      }
    }
  }

  /** True for the one caller that may probe now; the others stay on the fallback meanwhile. */
  private boolean claimProbe() {
    long due = nextProbeMillis.get();
    long now = clock.millis();
    return now >= due && nextProbeMillis.compareAndSet(due, now + probeIntervalMillis);
  }

  private Acquisition local(List<Bucket> buckets) {
    String routeClass = buckets.isEmpty() ? "" : buckets.get(0).key().routeClass();
    counters
        .computeIfAbsent(
            routeClass,
            name ->
                Counter.builder(FALLBACK_COUNTER)
                    .description("Rate limit decisions taken in this process while Redis failed")
                    .tag("route_class", name)
                    .register(registry))
        .increment();
    Acquisition decided = fallback.acquire(buckets);
    if (decided.allowed()) {
      remember(buckets);
    }
    return decided;
  }

  /** Counts an admission decided here against each seeded bucket, for {@link #chargeOwed}. */
  private void remember(List<Bucket> buckets) {
    for (Bucket bucket : buckets) {
      BucketKey key = bucket.key();
      if (!seededClasses.contains(key.routeClass())) {
        continue;
      }
      Owed debt = owed.get(key);
      if (debt == null) {
        if (owed.size() >= MAX_OWED_KEYS) {
          continue;
        }
        debt = owed.computeIfAbsent(key, k -> new Owed(bucket, new AtomicInteger()));
      }
      debt.count().incrementAndGet();
    }
  }

  /**
   * Charges Redis with what was admitted here, in batches, as the probe's first call: each batch
   * charged is no longer owed; a failure leaves the rest owed and fails the probe.
   */
  private void chargeOwed() {
    List<Owed> batch = new ArrayList<>(CHARGE_BATCH);
    int charged = 0;
    for (Owed debt : List.copyOf(owed.values())) {
      batch.add(debt);
      if (batch.size() == CHARGE_BATCH) {
        charged += charge(batch);
      }
    }
    if (!batch.isEmpty()) {
      charged += charge(batch);
    }
    if (charged > 0) {
      LOG.info("Rate limits: {} admissions decided in this process charged to Redis", charged);
    }
  }

  private int charge(List<Owed> batch) {
    List<Bucket> buckets = new ArrayList<>(batch.size());
    int[] counts = new int[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      buckets.add(batch.get(i).bucket());
      counts[i] = Math.max(1, batch.get(i).count().get());
    }
    primary.charge(buckets, counts);
    for (int i = 0; i < batch.size(); i++) {
      Owed debt = batch.get(i);
      if (debt.count().addAndGet(-counts[i]) <= 0) {
        owed.remove(debt.bucket().key(), debt);
      }
    }
    batch.clear();
    return Arrays.stream(counts).sum();
  }

  /** Exception class names only: a store message could quote a key. */
  private static String describe(RuntimeException e) {
    Throwable cause = e.getCause();
    return cause == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + " caused by " + cause.getClass().getSimpleName();
  }
}
