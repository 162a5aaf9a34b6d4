package app.stride.edge.ratelimit;

import static app.stride.edge.ratelimit.TestLimits.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.testkit.time.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FallbackRateLimiterTest {

  private final MutableClock clock = new MutableClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SwitchablePrimary primary = new SwitchablePrimary();
  private final FallbackRateLimiter limiter =
      new FallbackRateLimiter(
          primary, new LocalRateLimiter(clock), clock, Duration.ofSeconds(3), registry);
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

  private double gauge() {
    return registry.get(FallbackRateLimiter.ACTIVE_GAUGE).gauge().value();
  }

  /** A primary that answers a fixed acquisition, or fails like an unreachable Redis. */
  private static final class SwitchablePrimary implements RateLimiter {
    static final Acquisition ANSWER = new Acquisition(true, List.of(new BucketState(41, 1)));
    final AtomicInteger calls = new AtomicInteger();
    volatile boolean down;

    @Override
    public Acquisition acquire(List<Bucket> buckets) {
      calls.incrementAndGet();
      if (down) {
        throw new RateLimiterUnavailableException("Redis connect failed", null);
      }
      return ANSWER;
    }
  }
}
