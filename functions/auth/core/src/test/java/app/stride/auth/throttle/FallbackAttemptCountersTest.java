package app.stride.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.testkit.time.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FallbackAttemptCountersTest {

  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final String KEY = "acct:dk1-secret-looking-key:n";

  private final MutableClock clock = new MutableClock();
  private final SwitchableStore primary = new SwitchableStore(new InMemoryAttemptCounters(clock));
  private final RecordingLogger log = new RecordingLogger();
  private final FallbackAttemptCounters counters =
      new FallbackAttemptCounters(
          primary, new InMemoryAttemptCounters(clock), clock, Duration.ofSeconds(1), log.logger());

  @Test
  void countsInThePrimary_whileItAnswers() {
    counters.increment(KEY, WINDOW);
    counters.increment(KEY, WINDOW);

    assertThat(primary.delegate.get(KEY)).isEqualTo(2);
    assertThat(counters.degraded()).isFalse();
    assertThat(log.warnings()).isEmpty();
  }

  @Test
  void keepsCountingInProcess_whenThePrimaryFails_andSaysSoOnce() {
    primary.down = true;

    for (int i = 1; i <= 5; i++) {
      assertThat(counters.increment(KEY, WINDOW)).isEqualTo(i);
    }

    assertThat(counters.degraded()).isTrue();
    assertThat(log.warnings()).hasSize(1);
    assertThat(log.warnings().get(0)).contains("counting in this process").doesNotContain("dk1");
  }

  @Test
  void retriesThePrimaryOncePerInterval_andRecoversWithOneLine() {
    primary.down = true;
    counters.increment(KEY, WINDOW);
    int callsWhenDown = primary.calls.get();
    counters.increment(KEY, WINDOW);
    counters.get(KEY);
    assertThat(primary.calls.get()).as("no retry within the interval").isEqualTo(callsWhenDown);

    primary.down = false;
    clock.advance(Duration.ofSeconds(1));
    long count = counters.increment(KEY, WINDOW);

    assertThat(counters.degraded()).isFalse();
    assertThat(count).as("primary 1 + the 2 counted during the outage").isEqualTo(3);
    assertThat(log.warnings()).hasSize(2);
    assertThat(log.warnings().get(1)).contains("answers again");
  }

  @Test
  void aLockStartedDuringTheOutage_stillHoldsAfterIt() {
    primary.down = true;
    assertThat(counters.hold("lock", Duration.ofMinutes(15))).isTrue();
    primary.down = false;
    clock.advance(Duration.ofMinutes(1));

    assertThat(counters.remaining("lock")).isEqualTo(Duration.ofMinutes(14));
    assertThat(counters.hold("lock", Duration.ofMinutes(15))).as("not a new lock").isFalse();
    assertThat(counters.degraded()).isFalse();
  }

  @Test
  void invalidArguments_areNotMistakenForAnOutage() {
    assertThatThrownBy(() -> counters.increment("", WINDOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> counters.hold(KEY, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(counters.degraded()).isFalse();
    assertThat(primary.calls.get()).isZero();
  }

  @Test
  void theThrottleKeepsLocking_onTheInProcessCountersDuringAnOutage() {
    primary.down = true;
    LoginThrottle throttle = new LoginThrottle(counters, ThrottlePolicy.standard(), clock);
    int locks = 0;
    for (int i = 0; i < 200; i++) {
      String ip = "198.51.100." + (i % 200 + 1);
      ThrottleDecision decision = throttle.check("dk1-victim", ip);
      if (decision.allowed() && throttle.recordFailure("dk1-victim", ip).lockedNow()) {
        locks++;
      }
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(locks).isEqualTo(1);
    assertThat(throttle.check("dk1-victim", "192.0.2.1").reason())
        .isEqualTo(ThrottleDecision.ACCOUNT_LOCKED);
  }

  /** A primary that fails on demand, like Redis going away. */
  private static final class SwitchableStore implements AttemptCounters {
    final AttemptCounters delegate;
    final AtomicInteger calls = new AtomicInteger();
    volatile boolean down;

    SwitchableStore(AttemptCounters delegate) {
      this.delegate = delegate;
    }

    private void call() {
      calls.incrementAndGet();
      if (down) {
        throw new AttemptCountersUnavailableException(
            "store down", new java.net.ConnectException("refused"));
      }
    }

    @Override
    public long increment(String key, Duration window) {
      call();
      return delegate.increment(key, window);
    }

    @Override
    public long get(String key) {
      call();
      return delegate.get(key);
    }

    @Override
    public long addDistinct(String key, String member, Duration window) {
      call();
      return delegate.addDistinct(key, member, window);
    }

    @Override
    public void reset(String key) {
      call();
      delegate.reset(key);
    }

    @Override
    public boolean hold(String key, Duration duration) {
      call();
      return delegate.hold(key, duration);
    }

    @Override
    public Duration remaining(String key) {
      call();
      return delegate.remaining(key);
    }
  }
}
