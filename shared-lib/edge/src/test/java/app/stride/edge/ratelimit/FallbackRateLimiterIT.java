package app.stride.edge.ratelimit;

import static app.stride.edge.ratelimit.TestLimits.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.testkit.server.RedisServer;
import app.stride.testkit.time.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped and started again under a running limiter (own redis-server, not the shared one).
 */
class FallbackRateLimiterIT {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private RedisServer server;
  private FallbackRateLimiter limiter;

  @AfterEach
  void stop() throws Exception {
    if (limiter != null) {
      limiter.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void redisStopsMidRun_fallbackEngages_andStillEnforces_thenRedisReturns_gaugeBackToZero()
      throws Exception {
    server = RedisServer.start();
    int port = server.port();
    limiter = overRedis(server.endpoint().toString(), Duration.ofMillis(200));
    Bucket ip = bucket("auth", Dimension.IP, "198.51.100.50", 5, 1, Duration.ofHours(1));
    assertThat(admissions(ip, 3)).isEqualTo(3);
    assertThat(server.command("EXISTS", ip.key().redisKey())).isEqualTo("1");
    assertThat(gauge()).isZero();

    server.close();
    server = null;
    int admittedDuringOutage = admissions(ip, 20);

    assertThat(limiter.fallbackActive()).isTrue();
    assertThat(gauge()).isEqualTo(1);
    assertThat(admittedDuringOutage)
        .as("auth is seeded: the local bucket continues from Redis' count, 2 of 5 left")
        .isEqualTo(2);
    assertThat(fallbackDecisions()).isEqualTo(20);

    server = RedisServer.start(port);
    Concurrently.await(
        "Redis decides again",
        () -> {
          limiter.acquire(List.of(ip));
          return !limiter.fallbackActive();
        });

    assertThat(gauge()).isZero();
    assertThat(server.command("EXISTS", ip.key().redisKey()))
        .as("decided in the restarted Redis")
        .isEqualTo("1");
  }

  @Test
  void redisStopsMidRun_withLeases_leasedTokensThenFallback_andBackToRedis() throws Exception {
    server = RedisServer.start();
    int port = server.port();
    Clock clock = Clock.systemUTC();
    limiter =
        new FallbackRateLimiter(
            new LeasingRateLimiter(
                RedisRateLimiter.create(server.endpoint().toString(), Duration.ofMillis(500)),
                LeasePolicy.standard(),
                1_000,
                Duration.ofMillis(500)),
            new LocalRateLimiter(clock),
            clock,
            Duration.ofMillis(200),
            registry,
            Set.of("auth"));
    Bucket user = bucket("read", Dimension.USER, "leasing-user", 100, 1, Duration.ofHours(1));
    assertThat(admissions(user, 8)).as("leases of 1, 2, 4, 5: 4 tokens left").isEqualTo(8);

    server.close();
    server = null;
    int admittedDuringOutage = admissions(user, 150);

    assertThat(limiter.fallbackActive()).isTrue();
    assertThat(gauge()).isEqualTo(1);
    assertThat(admittedDuringOutage)
        .as("what the lease still held (unless it expired meanwhile), then a full local bucket")
        .isBetween(100, 104);

    server = RedisServer.start(port);
    Concurrently.await(
        "Redis decides again",
        () -> {
          limiter.acquire(List.of(user));
          return !limiter.fallbackActive();
        });

    assertThat(gauge()).isZero();
    assertThat(server.command("EXISTS", user.key().redisKey()))
        .as("decided in the restarted Redis")
        .isEqualTo("1");
  }

  @Test
  void redisSlowedPastTheTimeout_keepsItsCount_andWhatWasAdmittedHereIsChargedThere()
      throws Exception {
    server = RedisServer.start();
    MutableClock clock = new MutableClock();
    limiter =
        new FallbackRateLimiter(
            RedisRateLimiter.create(server.endpoint().toString(), Duration.ofMillis(300)),
            new LocalRateLimiter(clock),
            clock,
            Duration.ofSeconds(3),
            registry,
            Set.of("auth"));
    RedisRateLimiter other = RedisRateLimiter.create(server.endpoint().toString());
    Bucket login = bucket("auth", Dimension.IP, "198.51.100.53", 5, 1, Duration.ofHours(1));
    Bucket warm = bucket("read", Dimension.IP, "198.51.100.54", 1_000, 1, Duration.ofHours(1));
    try (other) {
      Concurrently.await( // a first connect slower than 300 ms on a busy machine falls back
          "Redis decides",
          () -> {
            clock.advance(Duration.ofSeconds(3));
            limiter.acquire(List.of(warm));
            return !limiter.fallbackActive();
          });
      assertThat(admissions(login, 2)).as("in Redis: 3 left").isEqualTo(2);
      assertThat(server.command("EXISTS", login.key().redisKey())).isEqualTo("1");

      server.command("CLIENT", "PAUSE", "1500", "ALL"); // slower than the 300 ms timeout
      int here = admissions(login, 10);
      assertThat(limiter.fallbackActive()).isTrue();
      assertThat(here).as("the local bucket continues from Redis' count").isEqualTo(3);
      Concurrently.await("the pause ends", () -> "PONG".equals(server.command("PING")));
      clock.advance(Duration.ofSeconds(3));
      int probe = admissions(login, 1);
      int elsewhere = 0;
      for (int i = 0; i < 10; i++) {
        if (other.acquire(List.of(login)).allowed()) {
          elsewhere++;
        }
      }

      assertThat(limiter.fallbackActive()).isFalse();
      assertThat(2 + here + probe + elsewhere)
          .as("admitted in all: Redis kept its count, and the 3 admitted here are charged to it")
          .isEqualTo(5);
    }
  }

  @Test
  void redisUnreachableFromTheStart_limitsHoldInProcess() {
    int closedPort = app.stride.testkit.server.Loopback.freePort();
    limiter = overRedis("redis://127.0.0.1:" + closedPort, Duration.ofSeconds(10));
    Bucket ip = bucket("write", Dimension.IP, "198.51.100.51", 4, 1, Duration.ofHours(1));

    int admitted = admissions(ip, 50);

    assertThat(admitted).isEqualTo(4);
    assertThat(limiter.fallbackActive()).isTrue();
    assertThat(gauge()).isEqualTo(1);
  }

  private FallbackRateLimiter overRedis(String uri, Duration probeInterval) {
    Clock clock = Clock.systemUTC();
    return new FallbackRateLimiter(
        RedisRateLimiter.create(uri, Duration.ofMillis(500)),
        new LocalRateLimiter(clock),
        clock,
        probeInterval,
        registry,
        Set.of("auth"));
  }

  private int admissions(Bucket bucket, int attempts) {
    int admitted = 0;
    for (int i = 0; i < attempts; i++) {
      if (limiter.acquire(List.of(bucket)).allowed()) {
        admitted++;
      }
    }
    return admitted;
  }

  private double gauge() {
    return registry.get(FallbackRateLimiter.ACTIVE_GAUGE).gauge().value();
  }

  private double fallbackDecisions() {
    return registry.get(FallbackRateLimiter.FALLBACK_COUNTER).counter().count();
  }
}
