package app.stride.edge.ratelimit;

import static app.stride.edge.ratelimit.TestLimits.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.testkit.time.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bucket arithmetic, on a clock the test moves. */
class LocalRateLimiterTest {

  private final MutableClock clock = new MutableClock();
  private final LocalRateLimiter limiter = new LocalRateLimiter(clock);

  /** 10 tokens, one more every 6 seconds. */
  private final Bucket ip =
      bucket("auth", Dimension.IP, "198.51.100.7", 10, 10, Duration.ofMinutes(1));

  @Test
  void burst_admitsExactlyCapacity_thenRefuses() {
    int admitted = 0;
    for (int i = 0; i < 25; i++) {
      if (limiter.acquire(List.of(ip)).allowed()) {
        admitted++;
      }
    }

    assertThat(admitted).isEqualTo(10);
  }

  @Test
  void seed_setsTheBucketToTheSharedCount_evenBelowWhatItHeldHere_thenRefillsFromThere() {
    limiter.acquire(List.of(ip)); // 9 left here

    limiter.seed(ip, new BucketState(2, 4_000_000));

    assertThat(limiter.acquire(List.of(ip)).states().get(0).remaining()).isEqualTo(1);
    assertThat(limiter.acquire(List.of(ip)).allowed()).isTrue();
    assertThat(limiter.acquire(List.of(ip)).allowed()).as("the seeded 2 spent").isFalse();
    clock.advance(Duration.ofSeconds(6));
    assertThat(limiter.acquire(List.of(ip)).allowed()).as("a token 6 s later").isTrue();
  }

  @Test
  void acquire_reportsWholeTokensLeft_andTimeToTheNextToken() {
    Acquisition first = limiter.acquire(List.of(ip));

    assertThat(first.allowed()).isTrue();
    assertThat(first.states().get(0)).isEqualTo(new BucketState(9, 6_000_000));
  }

  @Test
  void emptyBucket_refuses_andSaysWhenTheNextTokenArrives() {
    drain(ip, 10);
    clock.advance(Duration.ofMillis(1_500));

    Acquisition refused = limiter.acquire(List.of(ip));

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.states().get(0)).isEqualTo(new BucketState(0, 4_500_000));
    assertThat(refused.states().get(0).secondsToNextToken()).isEqualTo(5);
  }

  @Test
  void refill_addsTokensInProportionToElapsedTime() {
    drain(ip, 10);

    clock.advance(Duration.ofSeconds(6));
    assertThat(limiter.acquire(List.of(ip)).allowed()).isTrue();
    assertThat(limiter.acquire(List.of(ip)).allowed()).isFalse();

    clock.advance(Duration.ofSeconds(18));
    assertThat(drainCount(ip)).isEqualTo(3);
  }

  @Test
  void refill_neverExceedsCapacity_afterALongIdle() {
    drain(ip, 4);

    clock.advance(Duration.ofDays(3));

    assertThat(drainCount(ip)).isEqualTo(10);
  }

  @Test
  void clockGoingBackwards_addsNoTokens_andKeepsTheLaterTimestamp() {
    TokenBucket bucket = new TokenBucket(2.5, 10_000_000);

    TokenBucket afterSkew = bucket.refilledAt(ip.spec(), 4_000_000);
    TokenBucket caughtUp = afterSkew.refilledAt(ip.spec(), 13_000_000);

    assertThat(afterSkew).isEqualTo(bucket);
    assertThat(caughtUp.tokens()).as("3 s after the later stamp: half a token").isEqualTo(3.0);
  }

  @Test
  void refusalByOneBucket_takesNoTokenFromTheOthers() {
    Bucket user = bucket("auth", Dimension.USER, "user-1", 5, 1, Duration.ofHours(1));
    Bucket tinyIp = bucket("auth", Dimension.IP, "203.0.113.9", 1, 1, Duration.ofHours(1));
    assertThat(limiter.acquire(List.of(user, tinyIp)).allowed()).isTrue();

    for (int i = 0; i < 10; i++) {
      Acquisition refused = limiter.acquire(List.of(user, tinyIp));
      assertThat(refused.allowed()).isFalse();
      assertThat(refused.states().get(0).remaining()).as("user bucket untouched").isEqualTo(4);
    }
    assertThat(drainCount(user)).isEqualTo(4);
  }

  @Test
  void trackedKeys_areCapped_leastRecentlyUsedForgottenFirst() {
    LocalRateLimiter small = new LocalRateLimiter(clock, 3);
    Bucket a = bucket("read", Dimension.IP, "a", 1, 1, Duration.ofHours(1));
    Bucket b = bucket("read", Dimension.IP, "b", 1, 1, Duration.ofHours(1));
    Bucket c = bucket("read", Dimension.IP, "c", 1, 1, Duration.ofHours(1));
    small.acquire(List.of(a));
    small.acquire(List.of(b));
    small.acquire(List.of(c));
    assertThat(small.acquire(List.of(a)).allowed()).as("a is empty and now most recent").isFalse();

    for (int i = 0; i < 1_000; i++) {
      small.acquire(List.of(bucket("read", Dimension.IP, "flood-" + i, 1, 1, Duration.ofHours(1))));
    }

    assertThat(small.trackedKeys()).isEqualTo(3);
    assertThat(small.acquire(List.of(b)).allowed()).as("b was forgotten: starts full").isTrue();
  }

  private void drain(Bucket bucket, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(limiter.acquire(List.of(bucket)).allowed()).isTrue();
    }
  }

  private int drainCount(Bucket bucket) {
    int admitted = 0;
    while (limiter.acquire(List.of(bucket)).allowed()) {
      admitted++;
    }
    return admitted;
  }
}
