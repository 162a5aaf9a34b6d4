package app.stride.edge.ratelimit;

import static app.stride.edge.ratelimit.TestLimits.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.testkit.junit.RedisExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against Debian's redis-server from the test kit. */
class RedisRateLimiterIT {

  @RegisterExtension static final RedisExtension REDIS = new RedisExtension();

  private static RedisRateLimiter limiter;

  @BeforeAll
  static void connect() {
    // Generous timeout: 64 threads share one connection on a busy build machine.
    limiter = RedisRateLimiter.create(REDIS.redisUri(), Duration.ofSeconds(5));
  }

  @AfterAll
  static void disconnect() {
    limiter.close();
  }

  @Test
  void burstBeyondTheLimit_getsExactlyCapacityAdmissions() {
    Bucket ip = bucket("auth", Dimension.IP, "198.51.100.1", 20, 1, Duration.ofHours(1));

    int admitted = 0;
    for (int i = 0; i < 100; i++) {
      if (limiter.acquire(List.of(ip)).allowed()) {
        admitted++;
      }
    }

    assertThat(admitted).isEqualTo(20);
  }

  @Test
  void manyConcurrentClients_withoutRefill_getExactlyCapacityAdmissions() throws Exception {
    Bucket shared = bucket("write", Dimension.USER, "hammered-user", 100, 1, Duration.ofHours(1));
    AtomicInteger admitted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();

    Concurrently.run(
        64,
        () -> {
          for (int i = 0; i < 20; i++) {
            (limiter.acquire(List.of(shared)).allowed() ? admitted : refused).incrementAndGet();
          }
        });

    assertThat(admitted.get()).isEqualTo(100);
    assertThat(refused.get()).isEqualTo(64 * 20 - 100);
  }

  @Test
  void manyConcurrentClients_neverGetMoreThanCapacityPlusTheRefillOverTheElapsedTime()
      throws Exception {
    int capacity = 50;
    int refillPerSecond = 100;
    Bucket shared =
        bucket(
            "read", Dimension.IP, "203.0.113.64", capacity, refillPerSecond, Duration.ofSeconds(1));
    AtomicInteger admitted = new AtomicInteger();
    AtomicInteger attempts = new AtomicInteger();
    long runFor = TimeUnit.MILLISECONDS.toNanos(1_500);

    long elapsed =
        Concurrently.run(
            64,
            () -> {
              long end = System.nanoTime() + runFor;
              while (System.nanoTime() < end) {
                attempts.incrementAndGet();
                if (limiter.acquire(List.of(shared)).allowed()) {
                  admitted.incrementAndGet();
                }
              }
            });

    double refilled = refillPerSecond * (elapsed / 1e9);
    assertThat(admitted.get())
        .as(
            "%d admitted of %d attempts in %d ms",
            admitted.get(), attempts.get(), elapsed / 1_000_000)
        .isLessThanOrEqualTo(capacity + (int) Math.floor(refilled))
        .isGreaterThanOrEqualTo(capacity);
    assertThat(attempts.get()).as("the bucket was actually overrun").isGreaterThan(admitted.get());
  }

  @Test
  void concurrentRequestsOnOneConnection_eachGetTheStateOfTheirOwnBuckets() throws Exception {
    Bucket shared = bucket("read", Dimension.IP, "203.0.113.99", 1_000, 1, Duration.ofDays(1));
    AtomicInteger id = new AtomicInteger();
    AtomicInteger admitted = new AtomicInteger();

    Concurrently.run(
        32,
        () -> {
          int me = id.incrementAndGet();
          int capacity = 3 + me % 7; // a state given to another caller would not add up
          Bucket own =
              bucket("read", Dimension.USER, "batched-" + me, capacity, 1, Duration.ofDays(1));
          for (int i = 0; i < capacity + 3; i++) {
            Acquisition acquisition = limiter.acquire(List.of(own, shared));
            long remaining = acquisition.states().get(0).remaining();
            if (i < capacity) {
              assertThat(acquisition.allowed()).isTrue();
              assertThat(remaining).isEqualTo(capacity - 1 - i);
              admitted.incrementAndGet();
            } else {
              assertThat(acquisition.allowed()).isFalse();
              assertThat(remaining).isZero();
            }
          }
        });

    long sharedLeft = limiter.acquire(List.of(shared)).states().get(0).remaining();
    assertThat(sharedLeft)
        .as("the shared bucket lost one token per admission, none per refusal")
        .isEqualTo(1_000 - admitted.get() - 1);
  }

  @Test
  void perUserAndPerIpBuckets_areIndependent() {
    EdgeRateLimits limits =
        new EdgeRateLimits(
            TestLimits.fixture("small-limits.yaml"), limiter, new SimpleMeterRegistry());
    Optional<String> alice = Optional.of("alice-it");
    limits.check("putMyProfile", "PUT", alice, "192.0.2.10").orThrow();
    limits.check("putMyProfile", "PUT", alice, "192.0.2.10").orThrow();

    assertThat(limits.check("putMyProfile", "PUT", alice, "192.0.2.11").allowed())
        .as("alice's bucket is empty on any IP")
        .isFalse();
    assertThat(limits.check("putMyProfile", "PUT", Optional.of("bob-it"), "192.0.2.10").allowed())
        .as("bob has his own bucket behind the same IP")
        .isTrue();
    assertThat(limits.check("putMyProfile", "PUT", Optional.empty(), "192.0.2.10").allowed())
        .as("the IP bucket's 4th token")
        .isTrue();
    assertThat(limits.check("putMyProfile", "PUT", Optional.of("carol-it"), "192.0.2.10").allowed())
        .as("the IP bucket (4) is empty now, whatever the user")
        .isFalse();
  }

  @Test
  void refusalByOneBucket_takesNoTokenFromTheOther() {
    Bucket user = bucket("auth", Dimension.USER, "atomic-user", 5, 1, Duration.ofHours(1));
    Bucket ip = bucket("auth", Dimension.IP, "192.0.2.99", 1, 1, Duration.ofHours(1));
    assertThat(limiter.acquire(List.of(user, ip)).allowed()).isTrue();

    Acquisition refused = limiter.acquire(List.of(user, ip));
    for (int i = 0; i < 5; i++) {
      limiter.acquire(List.of(user, ip));
    }

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.states().get(0).remaining()).as("user bucket untouched").isEqualTo(4);
    assertThat(refused.states().get(1).remaining()).isZero();
    assertThat(limiter.acquire(List.of(user)).states().get(0).remaining())
        .as("still 4 before this one")
        .isEqualTo(3);
  }

  @Test
  void bucketAskedOnlyForALease_neverRefuses_grantsWhatItHolds_andIsUntouchedWhenEmpty() {
    Bucket user = bucket("read", Dimension.USER, "renewing-user", 5, 1, Duration.ofHours(1));
    Bucket empty = bucket("read", Dimension.IP, "192.0.2.120", 2, 1, Duration.ofHours(1));
    Bucket three = bucket("read", Dimension.IP, "192.0.2.121", 3, 1, Duration.ofHours(1));
    limiter.acquire(List.of(empty));
    limiter.acquire(List.of(empty));
    String emptyBefore = REDIS.command("HGET", empty.key().redisKey(), "tk");

    Grant fromEmpty = limiter.take(List.of(user, empty), new int[] {1, 4}, new int[] {1, 0});
    Grant fromThree = limiter.take(List.of(user, three), new int[] {1, 4}, new int[] {1, 0});

    assertThat(fromEmpty.allowed()).as("the empty bucket was only asked for a lease").isTrue();
    assertThat(fromEmpty.granted()).containsExactly(1, 0);
    assertThat(REDIS.command("HGET", empty.key().redisKey(), "tk")).isEqualTo(emptyBefore);
    assertThat(fromThree.granted()).as("what it holds, not what was wanted").containsExactly(1, 3);
    assertThat(fromThree.states().get(1).remaining()).isZero();
  }

  @Test
  void requestRefusedByTheBucketItNeeds_takesNothingFromOneAskedForALease() {
    Bucket spent = bucket("read", Dimension.USER, "spent-user", 1, 1, Duration.ofHours(1));
    Bucket lease = bucket("read", Dimension.IP, "192.0.2.122", 10, 1, Duration.ofHours(1));
    limiter.acquire(List.of(spent));

    Grant refused = limiter.take(List.of(spent, lease), new int[] {1, 5}, new int[] {1, 0});

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.granted()).containsExactly(0, 0);
    assertThat(limiter.acquire(List.of(lease)).states().get(0).remaining())
        .as("all 10 were still there")
        .isEqualTo(9);
  }

  @Test
  void keys_areHashedAndNamespaced_andExpireOnceTheBucketWouldBeFull() {
    Bucket ip = bucket("auth", Dimension.IP, "198.51.100.77", 10, 10, Duration.ofMinutes(1));

    limiter.acquire(List.of(ip));

    String key = ip.key().redisKey();
    assertThat(REDIS.command("EXISTS", key)).isEqualTo("1");
    assertThat(REDIS.command("EXISTS", "stride:ratelimit:auth:ip:198.51.100.77")).isEqualTo("0");
    long ttl = Long.parseLong(REDIS.command("PTTL", key));
    assertThat(ttl).as("one token to regain: 6 s, plus 1 s").isBetween(1L, 7_000L);
  }

  @Test
  void bucket_refillsOnRedisTime() throws Exception {
    Bucket ip = bucket("read", Dimension.IP, "198.51.100.200", 1, 1, Duration.ofMillis(300));
    assertThat(limiter.acquire(List.of(ip)).allowed()).isTrue();
    Acquisition refused = limiter.acquire(List.of(ip));

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.states().get(0).microsToNextToken()).isBetween(1L, 300_000L);
    Concurrently.await("a token again", () -> limiter.acquire(List.of(ip)).allowed());
  }

  @Test
  void flushedScriptCache_isReloadedTransparently() {
    Bucket ip = bucket("read", Dimension.IP, "198.51.100.201", 5, 1, Duration.ofHours(1));
    limiter.acquire(List.of(ip));

    REDIS.command("SCRIPT", "FLUSH");
    Acquisition after = limiter.acquire(List.of(ip));

    assertThat(after.allowed()).isTrue();
    assertThat(after.states().get(0).remaining()).isEqualTo(3);
  }
}
