package app.stride.devices.webhook.strava;

import static org.assertj.core.api.Assertions.assertThat;

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
}
