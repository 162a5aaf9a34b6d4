package app.stride.planner.adapter.out.library;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.planner.adapter.in.http.PlanTexts;
import app.stride.planner.domain.Level;
import app.stride.planner.domain.PlanId;
import app.stride.planner.domain.PlanTemplate;
import app.stride.planner.domain.PlanWeek;
import app.stride.planner.domain.SessionType;
import app.stride.planner.domain.Sport;
import app.stride.planner.domain.TemplateSession;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped templates, validated as they load (every template rule of the domain) and against
 * what a coach expects of them.
 */
class ClasspathPlanLibraryTest {
  private static final ClasspathPlanLibrary LIBRARY = ClasspathPlanLibrary.load();

  static Stream<PlanTemplate> templates() {
    return LIBRARY.latest().stream();
  }

  static Stream<PlanTemplate> racePlans() {
    return templates().filter(PlanTemplate::hasRace);
  }

  @Test
  void library_hasTheRunningAndYogaPlansOfTheIssue() {
    assertThat(LIBRARY.latest())
        .extracting(t -> t.id().value())
        .containsExactlyInAnyOrder(
            "running-5k-beginner",
            "running-5k-intermediate",
            "running-10k-beginner",
            "running-10k-intermediate",
            "running-half-marathon-beginner",
            "running-half-marathon-intermediate",
            "running-marathon-beginner",
            "running-marathon-intermediate",
            "yoga-flexibility-beginner",
            "yoga-strength-beginner",
            "yoga-daily-20");
    assertThat(LIBRARY.latest())
        .filteredOn(t -> t.sport() == Sport.RUNNING)
        .allSatisfy(t -> assertThat(t.hasRace()).isTrue());
    assertThat(LIBRARY.find(new PlanId("running-5k-beginner"), 1)).isPresent();
    assertThat(LIBRARY.find(new PlanId("running-5k-beginner"), 99)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void everyText_hasAnEnglishMessage(PlanTemplate template) {
    List<String> keys = new ArrayList<>(List.of(template.titleKey(), template.descriptionKey()));
    for (PlanWeek week : template.weeks()) {
      keys.add(week.focusKey());
      for (TemplateSession session : week.sessions()) {
        keys.add(session.descriptionKey());
        keys.add(session.titleKey());
      }
    }
    assertThat(keys).allSatisfy(key -> assertThat(PlanTexts.has(key)).as(key).isTrue());
    assertThat(template.titleKey())
        .startsWith("plan." + template.sport().wireName() + ".")
        .endsWith(".title");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void sessions_fitTheirPlansSport(PlanTemplate template) {
    assertThat(template.weeks())
        .flatExtracting(PlanWeek::sessions)
        .allSatisfy(
            s ->
                assertThat(s.type().sport() == null || s.type().sport() == template.sport())
                    .as(s.toString())
                    .isTrue());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("racePlans")
  void theLongRun_growsGradually_neverMoreThanAFifthOverTheLongestBefore(PlanTemplate template) {
    double longest = 0;
    for (PlanWeek week : template.weeks()) {
      double thisWeek = longRun(week);
      if (longest > 0 && thisWeek > 0) {
        assertThat(thisWeek)
            .as("%s %s", template.id(), week)
            .isLessThanOrEqualTo(longest * 1.2 + 1e-6);
      }
      longest = Math.max(longest, thisWeek);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("racePlans")
  void longerRacePlans_haveLighterWeeks_andTaperBeforeTheRace(PlanTemplate template) {
    List<Double> load = template.weeks().stream().map(ClasspathPlanLibraryTest::load).toList();
    int weeks = load.size();
    double peak = load.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertThat(load.get(weeks - 1)).as("race week is light").isLessThan(peak * 0.6);
    if (weeks >= 10) {
      boolean recoveryWeek = false;
      for (int w = 1; w < weeks - 2; w++) {
        recoveryWeek |= load.get(w) < load.get(w - 1) * 0.9;
      }
      assertThat(recoveryWeek).as("a lighter week during the build").isTrue();
    }
    if (template.raceDistanceMeters() >= 21_000) {
      assertThat(load.get(weeks - 2)).as("the week before the race tapers").isLessThan(peak);
    }
    if (template.raceDistanceMeters() >= 40_000) {
      assertThat(load.get(weeks - 3)).as("a three-week marathon taper").isLessThan(peak);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("racePlans")
  void theMarathonAndHalf_peakLongRun_isLongEnoughAndNotAtTheEnd(PlanTemplate template) {
    if (template.raceDistanceMeters() < 21_000) {
      return;
    }
    List<Double> longRuns =
        template.weeks().stream().map(ClasspathPlanLibraryTest::longRun).toList();
    double peak =
        longRuns.subList(0, longRuns.size() - 1).stream().mapToDouble(d -> d).max().orElseThrow();
    int peakWeek = longRuns.indexOf(peak) + 1;
    double race = template.raceDistanceMeters();
    assertThat(peak).isBetween(race * (race > 40_000 ? 0.7 : 0.75), race * 0.95);
    assertThat(template.weeks().size() - peakWeek)
        .as("weeks from the peak to the race")
        .isBetween(2, 4);
  }

  @Test
  void intermediatePlans_needAtLeastTheDaysOfTheirBeginnerPlan() {
    for (String race : List.of("5k", "10k", "half-marathon", "marathon")) {
      PlanTemplate beginner =
          LIBRARY.latest(new PlanId("running-" + race + "-beginner")).orElseThrow();
      PlanTemplate intermediate =
          LIBRARY.latest(new PlanId("running-" + race + "-intermediate")).orElseThrow();
      assertThat(beginner.level()).isEqualTo(Level.BEGINNER);
      assertThat(intermediate.minDaysPerWeek()).isGreaterThanOrEqualTo(beginner.minDaysPerWeek());
    }
  }

  @Test
  void theDailyYogaRoutine_isTwentyMinutesADay_onFiveToSevenDays() {
    PlanTemplate daily = LIBRARY.latest(new PlanId("yoga-daily-20")).orElseThrow();

    assertThat(daily.minDaysPerWeek()).isEqualTo(5);
    assertThat(daily.maxDaysPerWeek()).isEqualTo(7);
    assertThat(daily.weeks())
        .flatExtracting(PlanWeek::sessions)
        .allSatisfy(s -> assertThat(s.durationMinutes()).isEqualTo(20));
  }

  /** The long run of a week in metres (minutes counted at 6 min/km); 0 when it has none. */
  private static double longRun(PlanWeek week) {
    return week.sessions().stream()
        .filter(s -> s.type() == SessionType.LONG_RUN)
        .mapToDouble(ClasspathPlanLibraryTest::meters)
        .max()
        .orElse(0);
  }

  /** A week's required running load in metres-equivalent, races excluded. */
  private static double load(PlanWeek week) {
    return week.sessions().stream()
        .filter(s -> !s.optional() && s.type() != SessionType.RACE)
        .mapToDouble(ClasspathPlanLibraryTest::meters)
        .sum();
  }

  private static double meters(TemplateSession s) {
    return s.distanceMeters() != null ? s.distanceMeters() : s.durationMinutes() * 1000 / 6.0;
  }
}
