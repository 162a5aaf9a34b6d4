package app.stride.edge.ratelimit;

import static app.stride.edge.ratelimit.TestLimits.bucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import app.stride.testkit.time.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FallbackRateLimiterTest {

  private final MutableClock clock = new MutableClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SwitchablePrimary primary = new SwitchablePrimary();
  private final FallbackRateLimiter limiter =
      new FallbackRateLimiter(
          primary,
          new LocalRateLimiter(clock),
          clock,
          Duration.ofSeconds(3),
          registry,
          Set.of("auth"));
  private final List<Bucket> request =
      List.of(bucket("write", Dimension.IP, "198.51.100.7", 3, 1, Duration.ofHours(1)));

  @Test
  void healthyPrimary_decides_gaugeReadsZero() {
    Acquisition answer = limiter.acquire(request);

    assertThat(answer).isSameAs(SwitchablePrimary.ANSWER);
    assertThat(limiter.fallbackActive()).isFalse();
    assertThat(gauge()).isZero();
    assertThat(registry.find(FallbackRateLimiter.FALLBACK_COUNTER).counter()).isNull();
  }

  @Test
  void failingPrimary_switchesToLocalBuckets_thatStillEnforceTheLimit() {
    primary.down = true;

    int admitted = 0;
    for (int i = 0; i < 10; i++) {
      if (limiter.acquire(request).allowed()) {
        admitted++;
      }
    }

    assertThat(admitted).isEqualTo(3);
    assertThat(limiter.fallbackActive()).isTrue();
    assertThat(gauge()).isEqualTo(1);
    assertThat(
            registry
                .get(FallbackRateLimiter.FALLBACK_COUNTER)
                .tag("route_class", "write")
                .counter()
                .count())
        .isEqualTo(10);
  }

  @Test
  void onFallback_primaryIsProbedAtMostOncePerInterval() {
    primary.down = true;
    limiter.acquire(request);
    int callsAfterFailure = primary.calls.get();

    for (int i = 0; i < 50; i++) {
      limiter.acquire(request);
      clock.advance(Duration.ofMillis(50));
    }

    assertThat(primary.calls.get()).as("2.5 s of calls: no probe yet").isEqualTo(callsAfterFailure);
    clock.advance(Duration.ofMillis(500));
    limiter.acquire(request);
    limiter.acquire(request);
    assertThat(primary.calls.get())
        .as("one probe once 3 s passed")
        .isEqualTo(callsAfterFailure + 1);
  }

  @Test
  void primaryAnsweringAgain_endsTheFallback_gaugeBackToZero() {
    primary.down = true;
    limiter.acquire(request);
    assertThat(gauge()).isEqualTo(1);

    primary.down = false;
    clock.advance(Duration.ofSeconds(3));
    Acquisition answer = limiter.acquire(request);

    assertThat(answer).isSameAs(SwitchablePrimary.ANSWER);
    assertThat(limiter.fallbackActive()).isFalse();
    assertThat(gauge()).isZero();
  }

  @Test
  void seededClass_continuesFromRedisLastAnswer_acrossASwitch_andRefillsFromThere() {
    Bucket login = bucket("auth", Dimension.IP, "198.51.100.9", 5, 1, Duration.ofHours(1));
    primary.answer = new Acquisition(false, List.of(new BucketState(0, 3_600_000_000L)));
    assertThat(limiter.acquire(List.of(login)).allowed()).as("Redis: attempts spent").isFalse();

    primary.down = true;
    assertThat(admissions(login, 10))
        .as("the attack: slow Redis down until the edge falls back, for a fresh burst")
        .isZero();
    clock.advance(Duration.ofHours(1));
    assertThat(admissions(login, 10)).as("one token refilled since Redis' answer").isEqualTo(1);
  }

  @Test
  void seededBucket_neverHoldsMoreThanItsCapacity_whateverRedisSaid() {
    Bucket login = bucket("auth", Dimension.USER, "ana", 5, 1, Duration.ofHours(1));
    primary.answer = new Acquisition(true, List.of(new BucketState(41, 1)));
    limiter.acquire(List.of(login));

    primary.down = true;

    assertThat(admissions(login, 10)).isEqualTo(5);
  }

  @Test
  void otherClasses_startFullAfterASwitch() {
    primary.answer = new Acquisition(false, List.of(new BucketState(0, 3_600_000_000L)));
    assertThat(limiter.acquire(request).allowed()).isFalse();

    primary.down = true;

    assertThat(admissions(request.get(0), 10)).as("write is not seeded").isEqualTo(3);
  }

  @Test
  void seededAdmissionsDecidedHere_areChargedToRedis_onceItAnswersAgain_othersAreNot() {
    Bucket login = bucket("auth", Dimension.IP, "198.51.100.11", 5, 1, Duration.ofHours(1));
    Bucket other = bucket("auth", Dimension.USER, "bea", 5, 1, Duration.ofHours(1));
    primary.answer = new Acquisition(true, List.of(new BucketState(3, 1)));
    limiter.acquire(List.of(login)); // Redis: 3 left
    primary.down = true;
    assertThat(admissions(login, 10)).as("the 3 left, here").isEqualTo(3);
    assertThat(admissions(other, 2)).isEqualTo(2);
    assertThat(admissions(request.get(0), 2)).as("write: not seeded").isEqualTo(2);
    assertThat(primary.charged).as("nothing charged while Redis fails").isEmpty();

    primary.down = false;
    clock.advance(Duration.ofSeconds(3));
    limiter.acquire(List.of(login));

    assertThat(primary.charged).containsOnly(entry(login.key(), 3), entry(other.key(), 2));
    limiter.acquire(List.of(login));
    assertThat(primary.charged)
        .as("charged once")
        .containsOnly(entry(login.key(), 3), entry(other.key(), 2));
  }

  @Test
  void aFailedCharge_failsTheProbe_andTheAdmissionsStayOwed_untilAProbeChargesThem() {
    Bucket login = bucket("auth", Dimension.IP, "198.51.100.12", 5, 1, Duration.ofHours(1));
    primary.down = true;
    assertThat(admissions(login, 2)).isEqualTo(2);
    primary.down = false;
    primary.chargeFails = true;
    clock.advance(Duration.ofSeconds(3));
    int calls = primary.calls.get();

    Acquisition probe = limiter.acquire(List.of(login));

    assertThat(probe.allowed()).as("decided here: 3 of 5").isTrue();
    assertThat(primary.calls.get()).as("no token taken in Redis").isEqualTo(calls);
    assertThat(limiter.fallbackActive()).isTrue();
    primary.chargeFails = false;
    clock.advance(Duration.ofSeconds(3));
    Acquisition back = limiter.acquire(List.of(login));

    assertThat(back).isSameAs(SwitchablePrimary.ANSWER);
    assertThat(limiter.fallbackActive()).isFalse();
    assertThat(primary.charged).containsOnly(entry(login.key(), 3));
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

  /**
   * A primary that answers a fixed acquisition, or fails like an unreachable Redis; records the
   * charges it gets, or fails them.
   */
  private static final class SwitchablePrimary implements SharedRateLimiter {
    static final Acquisition ANSWER = new Acquisition(true, List.of(new BucketState(41, 1)));
    final AtomicInteger calls = new AtomicInteger();
    final Map<BucketKey, Integer> charged = new ConcurrentHashMap<>();
    volatile boolean down;
    volatile boolean chargeFails;
    volatile Acquisition answer = ANSWER;

    @Override
    public void charge(List<Bucket> buckets, int[] counts) {
      if (chargeFails) {
        throw new RateLimiterUnavailableException("Redis command failed", null);
      }
      for (int i = 0; i < buckets.size(); i++) {
        charged.merge(buckets.get(i).key(), counts[i], Integer::sum);
      }
    }

    @Override
    public Acquisition acquire(List<Bucket> buckets) {
      calls.incrementAndGet();
      if (down) {
        throw new RateLimiterUnavailableException("Redis connect failed", null);
      }
      return answer;
    }
  }
}
