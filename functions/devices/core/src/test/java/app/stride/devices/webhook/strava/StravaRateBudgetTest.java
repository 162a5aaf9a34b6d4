package app.stride.devices.webhook.strava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.store.StoreUnavailableException;
import app.stride.devices.webhook.strava.StravaRateBudget.Decision;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StravaRateBudgetTest {
  private static final Instant T = Instant.parse("2026-03-01T10:07:30Z");

  private static Function<String, String> headers(Map<String, String> values) {
    TreeMap<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    folded.putAll(values);
    return folded::get;
  }

  @Test
  void defaults_allow200PullsPerQuarter_thenWaitForTheNextQuarter() {
    StravaRateBudget budget = new StravaRateBudget();
    for (int i = 0; i < 200; i++) {
      assertThat(budget.tryAcquire(T)).isEqualTo(new Decision.Allowed());
    }

    assertThat(budget.tryAcquire(T))
        .isEqualTo(new Decision.Wait(Instant.parse("2026-03-01T10:15:00Z")));
    assertThat(budget.tryAcquire(Instant.parse("2026-03-01T10:15:00Z")))
        .isEqualTo(new Decision.Allowed());
  }

  @Test
  void dailyLimitReached_waitsUntilMidnightUtc() {
    StravaRateBudget budget = new StravaRateBudget(200, 3);
    budget.tryAcquire(T);
    budget.tryAcquire(T.plusSeconds(1000));
    budget.tryAcquire(T.plusSeconds(2000));

    assertThat(budget.tryAcquire(T.plusSeconds(3000)))
        .isEqualTo(new Decision.Wait(Instant.parse("2026-03-02T00:00:00Z")));
  }

  @Test
  void usageFromHeaders_counts_includingOtherWorkers() {
    StravaRateBudget budget = new StravaRateBudget();
    budget.observe(
        headers(Map.of("x-ratelimit-limit", "200,2000", "x-ratelimit-usage", "200,350")), T);

    assertThat(budget.tryAcquire(T))
        .isEqualTo(new Decision.Wait(Instant.parse("2026-03-01T10:15:00Z")));
  }

  @Test
  void limitsFromHeaders_replaceTheDefaults() {
    StravaRateBudget budget = new StravaRateBudget();
    budget.observe(
        headers(Map.of("X-RateLimit-Limit", "600,30000", "X-RateLimit-Usage", "250,1000")), T);

    assertThat(budget.tryAcquire(T)).isEqualTo(new Decision.Allowed());
  }

  @Test
  void readLimits_bindToo_whenStravaSendsThem() {
    StravaRateBudget budget = new StravaRateBudget();
    budget.observe(
        headers(
            Map.of(
                "X-RateLimit-Limit", "200,2000",
                "X-RateLimit-Usage", "10,100",
                "X-ReadRateLimit-Limit", "100,1000",
                "X-ReadRateLimit-Usage", "100,300")),
        T);

    assertThat(budget.tryAcquire(T)).isInstanceOf(Decision.Wait.class);
  }

  @Test
  void garbledHeaders_areIgnored() {
    StravaRateBudget budget = new StravaRateBudget();
    budget.observe(headers(Map.of("X-RateLimit-Limit", "lots", "X-RateLimit-Usage", "-1,5,7")), T);

    assertThat(budget.tryAcquire(T)).isEqualTo(new Decision.Allowed());
  }

  @Test
  void a429_pausesUntilTheQuarterEnds() {
    StravaRateBudget budget = new StravaRateBudget();
    budget.rateLimited(T);

    assertThat(budget.tryAcquire(T.plusSeconds(60)))
        .isEqualTo(new Decision.Wait(Instant.parse("2026-03-01T10:15:00Z")));
  }

  @Test
  void quarters_startAtZeroFifteenThirtyFortyFive() {
    assertThat(StravaRateBudget.quarterStart(Instant.parse("2026-03-01T10:44:59Z")))
        .isEqualTo(Instant.parse("2026-03-01T10:30:00Z"));
    assertThat(StravaRateBudget.quarterStart(Instant.parse("2026-03-01T10:45:00Z")))
        .isEqualTo(Instant.parse("2026-03-01T10:45:00Z"));
  }

  @Test
  void sharedWindows_holdAcrossInstances_atTheRegionsShare() {
    MemorySharedCallCounter counter = new MemorySharedCallCounter();
    StravaRateBudget first = StravaRateBudget.shared(counter, 1.0 / 3);
    StravaRateBudget second = StravaRateBudget.shared(counter, 1.0 / 3);
    int allowed = 0;
    for (int i = 0; i < 100; i++) {
      for (StravaRateBudget instance : new StravaRateBudget[] {first, second}) {
        if (instance.tryAcquire(T) instanceof Decision.Allowed) {
          allowed++;
        }
      }
    }

    // A third of 200 a quarter for the region, whichever instance asks.
    assertThat(allowed).isEqualTo(66);
    assertThat(second.tryAcquire(T))
        .isEqualTo(new Decision.Wait(Instant.parse("2026-03-01T10:15:00Z")));
    assertThat(counter.counts)
        .containsEntry("strava:quarter:2026-03-01T10:00:00Z", 66)
        .containsEntry("strava:day:2026-03-01", 66);
    assertThat(counter.expiries)
        .containsEntry("strava:quarter:2026-03-01T10:00:00Z", Instant.parse("2026-03-01T11:15:00Z"))
        .containsEntry("strava:day:2026-03-01", Instant.parse("2026-03-02T01:00:00Z"));
    assertThat(first.tryAcquire(Instant.parse("2026-03-01T10:15:00Z")))
        .isEqualTo(new Decision.Allowed());
  }

  @Test
  void aFullSharedDay_waitsUntilMidnight_withoutAskingAgainBeforeThen() {
    MemorySharedCallCounter counter = new MemorySharedCallCounter();
    counter.counts.put("strava:day:2026-03-01", 2_000);
    StravaRateBudget budget = StravaRateBudget.shared(counter, 1.0);

    assertThat(budget.tryAcquire(T))
        .isEqualTo(new Decision.Wait(Instant.parse("2026-03-02T00:00:00Z")));
    assertThat(budget.tryAcquire(T.plusSeconds(3600)))
        .isEqualTo(new Decision.Wait(Instant.parse("2026-03-02T00:00:00Z")));
    assertThat(counter.counts)
        .containsEntry("strava:quarter:2026-03-01T10:00:00Z", 1)
        .containsEntry("strava:day:2026-03-01", 2_000);
    assertThat(budget.tryAcquire(Instant.parse("2026-03-02T00:00:00Z")))
        .isEqualTo(new Decision.Allowed());
  }

  @Test
  void aFullSharedQuarter_isNotAskedAgain_untilItEnds_andCountsNoDay() {
    MemorySharedCallCounter counter = new MemorySharedCallCounter();
    counter.counts.put("strava:quarter:2026-03-01T10:00:00Z", 200);
    StravaRateBudget budget = StravaRateBudget.shared(counter, 1.0);
    counter.down = false;

    assertThat(budget.tryAcquire(T))
        .isEqualTo(new Decision.Wait(Instant.parse("2026-03-01T10:15:00Z")));
    counter.down = true;
    assertThat(budget.tryAcquire(T.plusSeconds(60)))
        .as("decided here, without the store")
        .isEqualTo(new Decision.Wait(Instant.parse("2026-03-01T10:15:00Z")));
    assertThat(counter.counts).doesNotContainKey("strava:day:2026-03-01");
  }

  @Test
  void limitsFromHeaders_setTheSharedLimits_too() {
    MemorySharedCallCounter counter = new MemorySharedCallCounter();
    StravaRateBudget budget = StravaRateBudget.shared(counter, 0.5);
    budget.observe(headers(Map.of("X-RateLimit-Limit", "10,1000", "X-RateLimit-Usage", "0,0")), T);

    for (int i = 0; i < 5; i++) {
      assertThat(budget.tryAcquire(T)).isEqualTo(new Decision.Allowed());
    }
    assertThat(budget.tryAcquire(T))
        .isEqualTo(new Decision.Wait(Instant.parse("2026-03-01T10:15:00Z")));
  }

  @Test
  void anUnreachableSharedCounter_failsThePull_andCountsNothingHere() {
    MemorySharedCallCounter counter = new MemorySharedCallCounter();
    StravaRateBudget budget = new StravaRateBudget(1, 2_000, counter, 1.0);
    counter.down = true;

    assertThatThrownBy(() -> budget.tryAcquire(T)).isInstanceOf(StoreUnavailableException.class);

    counter.down = false;
    assertThat(budget.tryAcquire(T)).isEqualTo(new Decision.Allowed());
  }

  @Test
  void aShareOutsideZeroToOne_isRefused() {
    MemorySharedCallCounter counter = new MemorySharedCallCounter();

    assertThatThrownBy(() -> StravaRateBudget.shared(counter, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StravaRateBudget.shared(counter, 1.01))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StravaRateBudget.shared(counter, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
