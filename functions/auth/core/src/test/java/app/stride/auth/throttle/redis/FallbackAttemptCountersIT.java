package app.stride.auth.throttle.redis;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.throttle.FallbackAttemptCounters;
import app.stride.auth.throttle.InMemoryAttemptCounters;
import app.stride.auth.throttle.LoginThrottle;
import app.stride.auth.throttle.RecordingLogger;
import app.stride.auth.throttle.ThrottleDecision;
import app.stride.auth.throttle.ThrottlePolicy;
import app.stride.testkit.junit.RedisExtension;
import app.stride.testkit.server.Loopback;
import app.stride.testkit.server.RedisServer;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis going away under the counters: each test runs its own redis-server so it can stop it (the
 * extension only applies the missing-server policy).
 */
class FallbackAttemptCountersIT {

  @RegisterExtension static final RedisExtension REQUIRES_REDIS = new RedisExtension();

  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final String KEY = "acct:dk1-fallback-key:n";

  private final RecordingLogger log = new RecordingLogger();
  private RedisServer server;
  private RedisAttemptCounters redis;

  @AfterEach
  void stop() {
    if (redis != null) {
      redis.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void redisStopsMidTest_countingContinuesInProcess_degradedWithOneWarning() {
    server = RedisServer.start();
    redis = RedisAttemptCounters.create(server.endpoint().toString(), Duration.ofSeconds(2));
    FallbackAttemptCounters counters = fallbackOver(redis, Duration.ofSeconds(30));
    for (int i = 1; i <= 3; i++) {
      assertThat(counters.increment(KEY, WINDOW)).isEqualTo(i);
    }
    assertThat(server.command("GET", RedisAttemptCounters.KEY_PREFIX + KEY)).isEqualTo("3");
    assertThat(counters.degraded()).isFalse();

    server.close();
    server = null;

    for (int i = 1; i <= 5; i++) {
      assertThat(counters.increment(KEY, WINDOW)).as("in-process count").isEqualTo(i);
    }
    assertThat(counters.get(KEY)).isEqualTo(5);
    assertThat(counters.degraded()).isTrue();
    assertThat(log.warnings()).hasSize(1);
    assertThat(log.warnings().get(0))
        .contains("counting in this process")
        .doesNotContain("dk1")
        .doesNotContain(RedisAttemptCounters.KEY_PREFIX);
  }

  @Test
  void redisComesBack_onTheSamePort_countingReturnsToRedis_withOneMoreWarning() {
    server = RedisServer.start();
    int port = server.port();
    redis = RedisAttemptCounters.create(server.endpoint().toString(), Duration.ofSeconds(2));
    FallbackAttemptCounters counters = fallbackOver(redis, Duration.ZERO);
    counters.increment(KEY, WINDOW);
    server.close();
    server = null;
    counters.increment(KEY, WINDOW);
    counters.increment(KEY, WINDOW);
    assertThat(counters.degraded()).isTrue();

    server = RedisServer.start(port);
    long count = counters.increment(KEY, WINDOW);

    assertThat(counters.degraded()).isFalse();
    assertThat(server.command("GET", RedisAttemptCounters.KEY_PREFIX + KEY))
        .as("a fresh server (no persistence) counts from 1")
        .isEqualTo("1");
    assertThat(count).as("Redis 1 + the 2 counted during the outage").isEqualTo(3);
    assertThat(log.warnings()).hasSize(2);
    assertThat(log.warnings().get(1)).contains("answers again");
  }

  @Test
  void closedPort_fromTheStart_throttleStillLocks_andCallsStayFast() {
    int closedPort = Loopback.freePort();
    redis = RedisAttemptCounters.create("redis://127.0.0.1:" + closedPort, Duration.ofSeconds(2));
    FallbackAttemptCounters counters = fallbackOver(redis, Duration.ofSeconds(1));
    LoginThrottle throttle = new LoginThrottle(counters, fastDelays(), Clock.systemUTC());

    long started = System.nanoTime();
    int locks = 0;
    for (int i = 0; i < 2_000 && locks == 0; i++) {
      String ip = "198.51.100." + (i % 200 + 1);
      if (throttle.check("dk1-victim", ip).allowed()
          && throttle.recordFailure("dk1-victim", ip).lockedNow()) {
        locks++;
      }
      sleepMillis(1);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(counters.degraded()).isTrue();
    assertThat(locks).isEqualTo(1);
    assertThat(throttle.check("dk1-victim", "192.0.2.1").reason())
        .isEqualTo(ThrottleDecision.ACCOUNT_LOCKED);
    assertThat(took).as("no connect timeout per call").isLessThan(Duration.ofSeconds(10));
    assertThat(log.warnings()).hasSize(1);
  }

  private FallbackAttemptCounters fallbackOver(RedisAttemptCounters primary, Duration retry) {
    Clock clock = Clock.systemUTC();
    return new FallbackAttemptCounters(
        primary, new InMemoryAttemptCounters(clock), clock, retry, log.logger());
  }

  private static ThrottlePolicy fastDelays() {
    ThrottlePolicy p = ThrottlePolicy.standard();
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

  private static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
