package app.stride.auth.throttle.redis;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.throttle.FailureOutcome;
import app.stride.auth.throttle.LoginThrottle;
import app.stride.auth.throttle.ThrottleDecision;
import app.stride.auth.throttle.ThrottlePolicy;
import app.stride.testkit.junit.RedisExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against Debian's redis-server from the test kit. */
class RedisAttemptCountersIT {

  @RegisterExtension static final RedisExtension REDIS = new RedisExtension();

  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final String PREFIX = RedisAttemptCounters.KEY_PREFIX;

  private static RedisAttemptCounters counters;
  private ExecutorService pool;

  @BeforeAll
  static void connect() {
    counters = RedisAttemptCounters.create(REDIS.redisUri(), Duration.ofSeconds(2));
  }

  @AfterAll
  static void disconnect() {
    counters.close();
  }

  @AfterEach
  void stopPool() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  @Test
  void increment_countsUnderTheNamespace_andStartsTheWindowOnlyOnce() throws Exception {
    assertThat(counters.increment("inc", WINDOW)).isEqualTo(1);
    long firstTtl = Long.parseLong(REDIS.command("PTTL", PREFIX + "inc"));
    Thread.sleep(50);

    assertThat(counters.increment("inc", WINDOW)).isEqualTo(2);
    assertThat(counters.get("inc")).isEqualTo(2);

    assertThat(REDIS.command("GET", PREFIX + "inc")).isEqualTo("2");
    assertThat(REDIS.command("EXISTS", "inc")).as("nothing outside the namespace").isEqualTo("0");
    long secondTtl = Long.parseLong(REDIS.command("PTTL", PREFIX + "inc"));
    assertThat(firstTtl).isBetween(WINDOW.toMillis() - 1_000, WINDOW.toMillis());
    assertThat(secondTtl).as("not extended by the second hit").isLessThan(firstTtl);
    assertThat(counters.remaining("inc")).isBetween(Duration.ofMinutes(14), WINDOW);
  }

  @Test
  void increment_windowExpires_andTheNextHitStartsOver() {
    counters.increment("short", Duration.ofMillis(300));
    counters.increment("short", Duration.ofMillis(300));

    awaitTrue("window of 300 ms ends", () -> counters.get("short") == 0);

    assertThat(counters.remaining("short")).isZero();
    assertThat(counters.increment("short", Duration.ofMillis(300))).isEqualTo(1);
  }

  @Test
  void increment_repairsAKeyFoundWithoutExpiry() {
    REDIS.command("SET", PREFIX + "eternal", "5");

    assertThat(counters.increment("eternal", WINDOW)).isEqualTo(6);

    assertThat(counters.remaining("eternal")).isPositive();
  }

  @Test
  void addDistinct_countsEachMemberOnce_andExpires() {
    assertThat(counters.addDistinct("set", "acct-a", Duration.ofMillis(400))).isEqualTo(1);
    assertThat(counters.addDistinct("set", "acct-b", Duration.ofMillis(400))).isEqualTo(2);
    assertThat(counters.addDistinct("set", "acct-a", Duration.ofMillis(400))).isEqualTo(2);
    assertThat(REDIS.command("SCARD", PREFIX + "set")).isEqualTo("2");

    awaitTrue("set window ends", () -> counters.remaining("set").isZero());
    // PTTL reads 0 for the last millisecond a key still exists: wait until Redis has dropped it.
    awaitTrue("set expired", () -> "0".equals(REDIS.command("EXISTS", PREFIX + "set")));

    assertThat(counters.addDistinct("set", "acct-a", WINDOW)).isEqualTo(1);
  }

  @Test
  void hold_startsOnce_keepsTheLongerEnd_andExpires() {
    assertThat(counters.hold("hold", Duration.ofSeconds(30))).isTrue();
    assertThat(counters.hold("hold", Duration.ofSeconds(5))).isFalse();
    assertThat(counters.remaining("hold")).isGreaterThan(Duration.ofSeconds(25));
    assertThat(counters.hold("hold", Duration.ofMinutes(5))).isFalse();
    assertThat(counters.remaining("hold")).isGreaterThan(Duration.ofMinutes(4));

    assertThat(counters.hold("brief", Duration.ofMillis(200))).isTrue();
    awaitTrue("hold of 200 ms ends", () -> counters.remaining("brief").isZero());
    assertThat(counters.hold("brief", Duration.ofMillis(200))).isTrue();
  }

  @Test
  void reset_deletesTheKey() {
    counters.increment("gone", WINDOW);

    counters.reset("gone");

    assertThat(counters.get("gone")).isZero();
    assertThat(REDIS.command("EXISTS", PREFIX + "gone")).isEqualTo("0");
  }

  @Test
  void increment_isAtomic_16ThreadsTimes500IsExactly8000_eachCountSeenOnce() throws Exception {
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    runConcurrently(
        16,
        () -> {
          for (int i = 0; i < 500; i++) {
            seen.add(counters.increment("race", WINDOW));
          }
        });

    assertThat(counters.get("race")).isEqualTo(8000);
    assertThat(seen).hasSize(8000);
    assertThat(REDIS.command("PTTL", PREFIX + "race"))
        .satisfies(ttl -> assertThat(Long.parseLong(ttl)).isPositive());
  }

  @Test
  void addDistinct_isExactUnderConcurrency() throws Exception {
    runConcurrently(
        16,
        () -> {
          for (int i = 0; i < 200; i++) {
            counters.addDistinct("members", "acct-" + i, WINDOW);
          }
        });

    assertThat(counters.addDistinct("members", "acct-0", WINDOW)).isEqualTo(200);
  }

  @Test
  void throttleOverRedis_admitsNoMorePasswordChecksThanThePolicy_underConcurrentFailures()
      throws Exception {
    ThrottlePolicy fast = fastDelays(ThrottlePolicy.standard());
    LoginThrottle throttle = new LoginThrottle(counters, fast, Clock.systemUTC());
    String account = "dk1-concurrent-victim";
    AtomicInteger admitted = new AtomicInteger();
    AtomicInteger lockedNow = new AtomicInteger();
    ConcurrentHashMap<String, AtomicInteger> admittedPerIp = new ConcurrentHashMap<>();
    AtomicInteger thread = new AtomicInteger();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);

    runConcurrently(
        32,
        () -> {
          String ip = "198.51.100." + (thread.getAndIncrement() % 8 + 1);
          while (System.nanoTime() < deadline && lockedNow.get() == 0) {
            if (throttle.check(account, ip).allowed()) {
              admitted.incrementAndGet();
              admittedPerIp.computeIfAbsent(ip, k -> new AtomicInteger()).incrementAndGet();
              FailureOutcome outcome = throttle.recordFailure(account, ip);
              if (outcome.lockedNow()) {
                lockedNow.incrementAndGet();
              }
            }
          }
          // Stragglers after the lock: every further attempt is refused.
          for (int i = 0; i < 20; i++) {
            if (throttle.check(account, ip).allowed()) {
              admitted.incrementAndGet();
            }
          }
        });

    assertThat(lockedNow.get()).as("locks").isEqualTo(1);
    assertThat(admitted.get()).as("password checks").isEqualTo(fast.account().blockAfter());
    assertThat(admittedPerIp.values())
        .allSatisfy(n -> assertThat(n.get()).isLessThanOrEqualTo(fast.accountIp().blockAfter()));
    ThrottleDecision after = throttle.check(account, "192.0.2.1");
    assertThat(after.reason()).isEqualTo(ThrottleDecision.ACCOUNT_LOCKED);
    assertThat(after.retryAfter()).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
  }

  private void runConcurrently(int threads, ThrowingRunnable body) throws Exception {
    pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(
          pool.submit(
              () -> {
                start.await();
                body.run();
                return null;
              }));
    }
    start.countDown();
    for (Future<?> future : done) {
      future.get(60, TimeUnit.SECONDS);
    }
  }

  /** Standard numbers with millisecond delays, so the lock is reached within a test. */
  private static ThrottlePolicy fastDelays(ThrottlePolicy p) {
    return new ThrottlePolicy(
        p.window(),
        p.account(),
        p.accountIp(),
        Duration.ofMillis(5),
        Duration.ofMillis(50),
        p.ipFailureLimit(),
        p.reputationAccounts(),
        p.reputationBan());
  }

  /** Polls every 25 ms for up to 5 s (awaitility is not a dependency of this module). */
  static void awaitTrue(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until: " + what);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until: " + what, e);
      }
    }
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
