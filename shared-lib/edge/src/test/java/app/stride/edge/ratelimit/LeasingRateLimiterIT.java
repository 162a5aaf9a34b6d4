package app.stride.edge.ratelimit;

import static app.stride.edge.ratelimit.TestLimits.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.testkit.junit.RedisExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Token leases against Debian's redis-server from the test kit; several limiter instances, each
 * with its own Redis client, stand for several function instances.
 */
class LeasingRateLimiterIT {

  @RegisterExtension static final RedisExtension REDIS = new RedisExtension();

  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeInstances() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
  }

  @Test
  void oneTokenLeaseBucket_burstGetsExactlyCapacity_oneRedisCallPerRequest() {
    CountingSource redis = redis();
    LeasingRateLimiter limiter = instance(redis, LeasePolicy.standard());
    Bucket auth = bucket("auth", Dimension.IP, "198.51.100.1", 60, 1, Duration.ofHours(1));

    assertThat(admissions(limiter, auth, 100)).isEqualTo(60);
    assertThat(redis.calls.get()).isEqualTo(100);
  }

  @Test
  void leasedBucket_burstNeverGetsMoreThanCapacity_withFarFewerRedisCalls() {
    CountingSource redis = redis();
    LeasingRateLimiter limiter = instance(redis, LeasePolicy.standard());
    Bucket user = bucket("read", Dimension.USER, "burst-user", 200, 1, Duration.ofHours(1));

    int admitted = admissions(limiter, user, 200);

    assertThat(admitted)
        .as("all of it, unless a lease expired on a slow machine (at most 9 lost)")
        .isBetween(200 - 9, 200);
    assertThat(redis.calls.get()).as("leases of up to 10").isLessThan(40);
    assertThat(admissions(limiter, user, 50)).as("and then nothing").isZero();
  }

  @Test
  void sixtyFourThreads_oneInstance_neverGetMoreThanCapacityPlusRefill() throws Exception {
    LeasingRateLimiter limiter = instance(redis(), LeasePolicy.standard());
    Bucket shared = bucket("read", Dimension.IP, "203.0.113.64", 400, 200, Duration.ofSeconds(1));

    Burst burst = hammer(List.of(limiter), 64, List.of(shared), 1_500);

    burst.assertWithinCapacity(400, 200);
  }

  @Test
  void severalInstancesSharingOneRedis_withoutRefill_neverGetMoreThanCapacity() throws Exception {
    List<LeasingRateLimiter> instances = instances(4);
    Bucket shared = bucket("read", Dimension.USER, "many-instances", 500, 1, Duration.ofDays(1));

    Burst burst = hammer(instances, 64, List.of(shared), 1_000);

    assertThat(burst.admitted)
        .as("%d admitted of %d attempts", burst.admitted, burst.attempts)
        .isLessThanOrEqualTo(500)
        .isGreaterThanOrEqualTo(500 - 4 * 24);
  }

  @Test
  void severalInstancesSharingOneRedis_neverGetMoreThanCapacityPlusRefill() throws Exception {
    List<LeasingRateLimiter> instances = instances(4);
    Bucket shared = bucket("read", Dimension.IP, "203.0.113.65", 300, 100, Duration.ofSeconds(1));

    Burst burst = hammer(instances, 64, List.of(shared), 1_500);

    burst.assertWithinCapacity(300, 100);
  }

  @Test
  void severalInstances_twoBucketsPerRequest_renewedInPassing_neverGetMoreThanTheTighterAllows()
      throws Exception {
    List<CountingSource> sources = new ArrayList<>();
    List<LeasingRateLimiter> instances = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      CountingSource source = redis();
      sources.add(source);
      instances.add(instance(source, LeasePolicy.standard()));
    }
    Bucket user = bucket("read", Dimension.USER, "renewed-user", 300, 100, Duration.ofSeconds(1));
    Bucket ip = bucket("read", Dimension.IP, "203.0.113.66", 400, 150, Duration.ofSeconds(1));

    Burst burst = hammer(instances, 64, List.of(user, ip), 1_500);

    burst.assertWithinCapacity(300, 100);
    long renewals =
        sources.stream()
            .flatMap(source -> source.needed.stream())
            .filter(needed -> needed.contains(0))
            .count();
    assertThat(renewals).as("leases renewed in passing").isPositive();
  }

  @Test
  void expiredLease_itsUnusedTokensAreNeverAdmitted() throws Exception {
    LeasePolicy shortLeases = new LeasePolicy(Set.of("auth"), 50, 20, 50, Duration.ofMillis(300));
    LeasingRateLimiter a = instance(redis(), shortLeases);
    LeasingRateLimiter b = instance(redis(), shortLeases);
    Bucket user = bucket("read", Dimension.USER, "expiring", 100, 1, Duration.ofDays(1));

    assertThat(admissions(a, user, 8)).as("a leased 1 + 2 + 4 + 5 = 12").isEqualTo(8);
    Thread.sleep(400); // a's lease of 5 ends with 4 unused
    int byB = admissions(b, user, 200);
    int byA = admissions(a, user, 10);

    assertThat(byB).as("what Redis kept").isEqualTo(88);
    assertThat(byA).as("a's 4 expired tokens are gone").isZero();
  }

  @Test
  void headers_neverOverstateTheRemainder_and429ComesFromRedisWithRetryAfter() {
    EdgeRateLimits limits =
        new EdgeRateLimits(
            TestLimits.fixture("lease-limits.yaml"),
            instance(redis(), LeasePolicy.standard()),
            new SimpleMeterRegistry());
    Optional<String> alice = Optional.of("alice-lease");

    for (int k = 1; k <= 100; k++) {
      RateLimitDecision decision = limits.check("getMyProfile", "GET", alice, "192.0.2.77");
      assertThat(decision.allowed()).isTrue();
      String limit = decision.headers().get("RateLimit");
      assertThat(remaining(limit, "read-user"))
          .as("request %d: %s", k, limit)
          .isLessThanOrEqualTo(100 - k)
          .isGreaterThanOrEqualTo(100 - k - 20);
      assertThat(remaining(limit, "read-ip")).as(limit).isLessThanOrEqualTo(300 - k);
    }
    RateLimitDecision refused = limits.check("getMyProfile", "GET", alice, "192.0.2.77");

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.headers()).containsKey("RateLimit-Policy");
    assertThat(Long.parseLong(refused.headers().get("Retry-After")))
        .as("Redis' time to the next token of a bucket refilling one per hour")
        .isBetween(3_500L, 3_600L);
    assertThat(refused.headers().get("RateLimit")).startsWith("\"read-user\";r=0;t=");
  }

  /** The {@code r} of {@code policy} in a {@code RateLimit} value. */
  private static long remaining(String limit, String policy) {
    Matcher m = Pattern.compile("\"" + policy + "\";r=(\\d+);").matcher(limit);
    assertThat(m.find()).as(limit).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** Threads over the instances, round robin, hammering the same buckets for {@code millis}. */
  private static Burst hammer(
      List<LeasingRateLimiter> instances, int threads, List<Bucket> buckets, long millis)
      throws Exception {
    AtomicInteger admitted = new AtomicInteger();
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    long runFor = TimeUnit.MILLISECONDS.toNanos(millis);
    long elapsed =
        Concurrently.run(
            threads,
            () -> {
              LeasingRateLimiter mine = instances.get(next.getAndIncrement() % instances.size());
              long end = System.nanoTime() + runFor;
              while (System.nanoTime() < end) {
                attempts.incrementAndGet();
                if (mine.acquire(buckets).allowed()) {
                  admitted.incrementAndGet();
                }
              }
            });
    return new Burst(admitted.get(), attempts.get(), elapsed);
  }

  private record Burst(int admitted, int attempts, long elapsedNanos) {
    void assertWithinCapacity(int capacity, int refillPerSecond) {
      double refilled = refillPerSecond * (elapsedNanos / 1e9);
      assertThat(admitted)
          .as("%d admitted of %d attempts in %d ms", admitted, attempts, elapsedNanos / 1_000_000)
          .isLessThanOrEqualTo(capacity + (int) Math.floor(refilled))
          .isGreaterThanOrEqualTo(capacity / 2);
      assertThat(attempts).as("the bucket was actually overrun").isGreaterThan(admitted);
    }
  }

  private List<LeasingRateLimiter> instances(int count) {
    List<LeasingRateLimiter> instances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      instances.add(instance(redis(), LeasePolicy.standard()));
    }
    return instances;
  }

  /** Its own Redis client, as a separate function instance has. */
  private CountingSource redis() {
    // Generous timeout: 64 threads share the connections on a busy build machine.
    CountingSource source =
        new CountingSource(RedisRateLimiter.create(REDIS.redisUri(), Duration.ofSeconds(5)));
    opened.add(source);
    return source;
  }

  private static LeasingRateLimiter instance(CountingSource redis, LeasePolicy policy) {
    return new LeasingRateLimiter(redis, policy, 10_000, System::nanoTime, Duration.ofSeconds(5));
  }

  private static int admissions(LeasingRateLimiter limiter, Bucket bucket, int attempts) {
    int admitted = 0;
    for (int i = 0; i < attempts; i++) {
      if (limiter.acquire(List.of(bucket)).allowed()) {
        admitted++;
      }
    }
    return admitted;
  }
}
