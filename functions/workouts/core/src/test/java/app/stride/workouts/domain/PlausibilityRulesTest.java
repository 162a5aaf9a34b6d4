package app.stride.workouts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One group per rule of {@link PlausibilityRules}, each with the values either side of its limit.
 */
class PlausibilityRulesTest {
  private static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");
  private static final Instant START = Instant.parse("2026-03-14T06:00:00Z");

  private static WorkoutDraft draft(
      Sport sport, long seconds, Double metres, Double climb, Integer avg, Integer max) {
    return new WorkoutDraft(
        sport, null, START, "Europe/Berlin", seconds, metres, climb, avg, max, null, null);
  }

  private static List<Violation> check(WorkoutDraft draft) {
    return PlausibilityRules.check(draft, NOW);
  }

  @Nested
  class RunningPace {
    @Test
    void marathonIn2h30_isAccepted() {
      assertThat(check(draft(Sport.RUNNING, 9000, 42195.0, null, null, null))).isEmpty();
    }

    @Test
    void marathonIn30Minutes_isRefused_namingTheRecord() {
      assertThat(check(draft(Sport.RUNNING, 1800, 42195.0, null, null, null)))
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.pointer()).isEqualTo("/distance");
                assertThat(v.message())
                    .contains("42.195 km in 0:30:00", "world record", "at least 2:00:35");
              });
    }

    @Test
    void marathonAtTheWorldRecord_isAccepted_oneSecondFasterIsRefused() {
      assertThat(check(draft(Sport.RUNNING, 7235, 42195.0, null, null, null))).isEmpty();
      assertThat(check(draft(Sport.RUNNING, 7234, 42195.0, null, null, null))).hasSize(1);
    }

    @Test
    void fiveKilometres_boundaryIsTheRecordOf12m35s() {
      assertThat(check(draft(Sport.RUNNING, 756, 5000.0, null, null, null))).isEmpty();
      assertThat(check(draft(Sport.RUNNING, 755, 5000.0, null, null, null))).hasSize(1);
    }

    @Test
    void betweenRecordDistances_thePaceIsInterpolated() {
      double seconds = PlausibilityRules.recordSeconds(30000);

      assertThat(seconds).isBetween(3402.0 * 30000 / 21097.5, 7235.0 * 30000 / 42195);
    }
  }

  @Nested
  class OtherSportsSpeed {
    @Test
    void cycling_averageUpTo22MetresPerSecond() {
      assertThat(check(draft(Sport.CYCLING, 1000, 22000.0, null, null, null))).isEmpty();
      assertThat(check(draft(Sport.CYCLING, 1000, 22001.0, null, null, null)))
          .singleElement()
          .satisfies(v -> assertThat(v.message()).contains("79.2 km/h", "cycling"));
    }

    @Test
    void swimming_averageUpTo2point5MetresPerSecond() {
      assertThat(check(draft(Sport.SWIMMING, 400, 1000.0, null, null, null))).isEmpty();
      assertThat(check(draft(Sport.SWIMMING, 399, 1000.0, null, null, null))).hasSize(1);
    }
  }

  @Nested
  class Distance {
    @Test
    void yogaAndStrength_haveNoDistance() {
      assertThat(check(draft(Sport.YOGA, 1200, 100.0, null, null, null)))
          .singleElement()
          .satisfies(v -> assertThat(v.message()).contains("yoga has no distance"));
      assertThat(check(draft(Sport.STRENGTH, 1200, 100.0, null, null, null))).hasSize(1);
    }

    @Test
    void zero_isRefused() {
      assertThat(check(draft(Sport.RUNNING, 1200, 0.0, null, null, null)))
          .singleElement()
          .satisfies(v -> assertThat(v.message()).contains("more than 0"));
    }

    @Test
    void running_longestIs500Kilometres() {
      assertThat(check(draft(Sport.RUNNING, 172800, 500000.0, null, null, null))).isEmpty();
      assertThat(check(draft(Sport.RUNNING, 172800, 500000.1, null, null, null)))
          .singleElement()
          .satisfies(v -> assertThat(v.message()).contains("at most 500 km"));
    }
  }

  @Nested
  class DurationAndStart {
    @Test
    void duration_isOneSecondTo48Hours() {
      assertThat(check(draft(Sport.YOGA, 172800, null, null, null, null))).isEmpty();
      assertThat(check(draft(Sport.YOGA, 172801, null, null, null, null)))
          .singleElement()
          .satisfies(v -> assertThat(v.message()).contains("48 hours"));
      assertThat(check(draft(Sport.YOGA, 0, null, null, null, null))).hasSize(1);
    }

    @Test
    void start_mayBeUpTo5MinutesAhead_notMore() {
      WorkoutDraft skewed = at(NOW.plusSeconds(300));
      WorkoutDraft future = at(NOW.plusSeconds(301));

      assertThat(check(skewed)).isEmpty();
      assertThat(check(future))
          .singleElement()
          .satisfies(v -> assertThat(v.pointer()).isEqualTo("/startTime"));
    }

    @Test
    void start_before1970_isRefused() {
      assertThat(check(at(Instant.parse("1969-12-31T23:59:59Z")))).hasSize(1);
      assertThat(check(at(Instant.parse("1970-01-01T00:00:00Z")))).isEmpty();
    }

    @Test
    void timeZone_mustBeAnIanaId() {
      assertThat(check(zone("America/Argentina/Buenos_Aires"))).isEmpty();
      assertThat(check(zone("Mars/Olympus_Mons")))
          .singleElement()
          .satisfies(v -> assertThat(v.pointer()).isEqualTo("/timeZone"));
      assertThat(check(zone("+02:00"))).hasSize(1);
    }

    private WorkoutDraft at(Instant start) {
      return new WorkoutDraft(
          Sport.YOGA, null, start, "UTC", 600, null, null, null, null, null, null);
    }

    private WorkoutDraft zone(String zone) {
      return new WorkoutDraft(
          Sport.YOGA, null, START, zone, 600, null, null, null, null, null, null);
    }
  }

  @Nested
  class Elevation {
    @Test
    void running_gainUpTo60PercentOfTheDistance() {
      assertThat(check(draft(Sport.RUNNING, 3600, 1000.0, 600.0, null, null))).isEmpty();
      assertThat(check(draft(Sport.RUNNING, 3600, 1000.0, 600.1, null, null)))
          .singleElement()
          .satisfies(v -> assertThat(v.message()).contains("60% of the distance"));
    }

    @Test
    void climbRate_upTo2500MetresPerHour() {
      assertThat(check(draft(Sport.HIKING, 3600, null, 2500.0, null, null))).isEmpty();
      assertThat(check(draft(Sport.HIKING, 3600, null, 2500.1, null, null)))
          .singleElement()
          .satisfies(v -> assertThat(v.message()).contains("2500 m per hour"));
    }

    @Test
    void strength_hasNoElevationGain() {
      assertThat(check(draft(Sport.STRENGTH, 3600, null, 10.0, null, null))).hasSize(1);
    }
  }

  @Nested
  class HeartRateAndEffort {
    @Test
    void heartRates_25to250() {
      assertThat(check(draft(Sport.YOGA, 600, null, null, 25, 250))).isEmpty();
      assertThat(check(draft(Sport.YOGA, 600, null, null, 24, 251)))
          .extracting(Violation::pointer)
          .containsExactly("/averageHeartRate", "/maxHeartRate");
    }

    @Test
    void max_mayEqualButNotBeBelowTheAverage() {
      assertThat(check(draft(Sport.YOGA, 600, null, null, 150, 150))).isEmpty();
      assertThat(check(draft(Sport.YOGA, 600, null, null, 150, 149)))
          .singleElement()
          .satisfies(v -> assertThat(v.message()).contains("below the average heart rate"));
    }

    @Test
    void perceivedEffort_1to10() {
      assertThat(check(effort(1))).isEmpty();
      assertThat(check(effort(10))).isEmpty();
      assertThat(check(effort(0))).hasSize(1);
      assertThat(check(effort(11))).hasSize(1);
    }

    private WorkoutDraft effort(int rpe) {
      return new WorkoutDraft(
          Sport.YOGA, null, START, "UTC", 600, null, null, null, null, rpe, null);
    }
  }

  @Test
  void everyBrokenRule_isReportedAtOnce() {
    WorkoutDraft absurd =
        new WorkoutDraft(
            Sport.RUNNING,
            null,
            NOW.plusSeconds(3600),
            "Nowhere/Land",
            1800,
            42195.0,
            null,
            300,
            100,
            0,
            null);

    assertThat(check(absurd))
        .extracting(Violation::pointer)
        .containsExactly(
            "/startTime", "/timeZone", "/distance", "/averageHeartRate", "/perceivedEffort");
  }
}
