package app.stride.planner.domain;

import static app.stride.planner.PlannerTestData.aPlan;
import static app.stride.planner.PlannerTestData.aTemplate;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private static final LocalDate MONDAY_4_MARCH = LocalDate.of(2030, 3, 4);
  private static final Instant AT = Instant.parse("2030-03-01T09:00:00Z");

  @Test
  void sessions_goOnThePreferredDays_theLastOfTheWeekOnItsLastTrainingDay() {
    MyPlan plan = aPlan().on(TUESDAY, THURSDAY, SUNDAY).build();

    List<DatedSession> week1 = week(plan, 1);

    assertThat(week1)
        .extracting(DatedSession::date)
        .containsExactly(
            LocalDate.of(2030, 3, 5), LocalDate.of(2030, 3, 7), LocalDate.of(2030, 3, 10));
    assertThat(week1.get(2).session().type()).isEqualTo(SessionType.LONG_RUN);
  }

  @Test
  void fewerDays_dropTheOptionalSessions_moreDays_keepThem() {
    MyPlan three = aPlan().on(TUESDAY, THURSDAY, SUNDAY).build();
    MyPlan four = aPlan().on(TUESDAY, THURSDAY, SATURDAY, SUNDAY).build();

    assertThat(week(three, 1))
        .extracting(s -> s.id().value())
        .containsExactly("w01-s1", "w01-s3", "w01-s4");
    assertThat(week(four, 1))
        .extracting(s -> s.id().value())
        .containsExactly("w01-s1", "w01-s2", "w01-s3", "w01-s4");
  }

  @Test
  void aWeekWithFewerSessionsThanDays_spreadsThem_keepingTheLastDay() {
    // race week: 3 sessions on 4 days, the race on the plan's last day
    MyPlan plan = aPlan().on(MONDAY, WEDNESDAY, SATURDAY, SUNDAY).build();

    List<DatedSession> raceWeek = week(plan, 4);

    assertThat(raceWeek)
        .extracting(d -> d.date().getDayOfWeek())
        .containsExactly(MONDAY, SATURDAY, SUNDAY);
  }

  @Test
  void planWeeks_countFromTheStartDay_notFromMonday() {
    MyPlan plan =
        aPlan().startingOn(LocalDate.of(2030, 3, 6)).on(TUESDAY, THURSDAY, SUNDAY).build();

    assertThat(week(plan, 1))
        .extracting(DatedSession::date)
        .containsExactly(
            LocalDate.of(2030, 3, 7), LocalDate.of(2030, 3, 10), LocalDate.of(2030, 3, 12));
  }

  @Test
  void theRace_isOnThePlansLastDay_evenWhenThatIsNoTrainingDay() {
    MyPlan plan = aPlan().startingOn(LocalDate.of(2030, 3, 6)).build(); // a Wednesday start

    DatedSession race = last(plan);

    assertThat(race.session().type()).isEqualTo(SessionType.RACE);
    assertThat(race.date()).isEqualTo(LocalDate.of(2030, 3, 6).plusDays(27));
    assertThat(race.date().getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
  }

  @Test
  void startForRaceDay_computesTheStartBack_soTheRaceLandsOnTheTargetDay() {
    PlanTemplate template = aTemplate().withWeeks(8).build();
    LocalDate raceDay = LocalDate.of(2030, 10, 13); // a Sunday

    LocalDate start = Scheduler.startForRaceDay(template, raceDay);
    MyPlan plan = aPlan().following(template).startingOn(start).forRaceOn(raceDay).build();

    assertThat(start).isEqualTo(LocalDate.of(2030, 8, 19));
    assertThat(start.getDayOfWeek()).isEqualTo(MONDAY);
    assertThat(last(template, plan).date()).isEqualTo(raceDay);
  }

  @Test
  void resume_movesTheSessionsFromThePauseOn_byThePausedDays() {
    LocalDate pausedOn = LocalDate.of(2030, 3, 7); // Thursday of week 1
    MyPlan plan = aPlan().pausedFrom(pausedOn, pausedOn.plusDays(3)).build();

    List<DatedSession> week1 = week(plan, 1);

    assertThat(week1)
        .extracting(DatedSession::date)
        .containsExactly(
            LocalDate.of(2030, 3, 5), // before the pause: unchanged
            LocalDate.of(2030, 3, 10), // Thursday + 3
            LocalDate.of(2030, 3, 13)); // Sunday + 3
    assertThat(last(plan).date()).isEqualTo(LocalDate.of(2030, 3, 31).plusDays(3));
  }

  @Test
  void twoPauses_addUp() {
    MyPlan plan =
        aPlan()
            .pausedFrom(LocalDate.of(2030, 3, 6), LocalDate.of(2030, 3, 8))
            .pausedFrom(LocalDate.of(2030, 3, 14), LocalDate.of(2030, 3, 21))
            .build();

    assertThat(last(plan).date()).isEqualTo(LocalDate.of(2030, 3, 31).plusDays(2 + 7));
  }

  @Test
  void anOpenPause_suspendsTheSessionsFromItsFirstDay() {
    MyPlan plan = aPlan().pausedFrom(LocalDate.of(2030, 3, 7), null).build();
    ScheduledPlan scheduled = ScheduledPlan.of(aTemplate().build(), plan, LocalDate.of(2030, 3, 9));

    assertThat(week(plan, 1)).extracting(DatedSession::isDated).containsExactly(true, false, false);
    assertThat(scheduled.endDate()).isEmpty();
    assertThat(scheduled.session(new SessionId(1, 3)).orElseThrow().state(LocalDate.of(2030, 3, 9)))
        .isEqualTo(DatedSession.State.PAUSED);
  }

  @Test
  void aLoggedSession_keepsItsDayThroughALaterPause() {
    SessionLog done = new SessionLog(SessionLog.Status.DONE, LocalDate.of(2030, 3, 7), null, AT);
    MyPlan plan =
        aPlan()
            .withLog("w01-s3", done)
            .pausedFrom(LocalDate.of(2030, 3, 7), LocalDate.of(2030, 3, 9))
            .build();

    DatedSession session = week(plan, 1).get(1);

    assertThat(session.date()).isEqualTo(LocalDate.of(2030, 3, 7));
    assertThat(session.plannedDate()).isEqualTo(LocalDate.of(2030, 3, 9));
    assertThat(session.state(LocalDate.of(2030, 3, 20))).isEqualTo(DatedSession.State.DONE);
  }

  @Test
  void aMovedSession_isOnItsNewDay_andMissedOnceThatDayPassed() {
    LocalDate saturday = LocalDate.of(2030, 3, 9);
    MyPlan plan =
        aPlan()
            .withLog("w01-s3", new SessionLog(SessionLog.Status.MOVED, saturday, null, AT))
            .build();

    DatedSession moved = week(plan, 1).get(1);

    assertThat(moved.date()).isEqualTo(saturday);
    assertThat(moved.state(saturday)).isEqualTo(DatedSession.State.MOVED);
    assertThat(moved.state(saturday.plusDays(1))).isEqualTo(DatedSession.State.MISSED);
  }

  @Test
  void today_isCountedInThePlansTimeZone() {
    Instant lateEveningUtc = Instant.parse("2030-03-05T22:30:00Z");

    assertThat(aPlan().in("Europe/Berlin").build().today(lateEveningUtc))
        .isEqualTo(LocalDate.of(2030, 3, 5));
    assertThat(aPlan().in("Pacific/Auckland").build().today(lateEveningUtc))
        .isEqualTo(LocalDate.of(2030, 3, 6));
    assertThat(aPlan().in("America/Los_Angeles").build().today(lateEveningUtc))
        .isEqualTo(LocalDate.of(2030, 3, 5));
  }

  @Test
  void today_followsTheDaylightSavingShift() {
    // New York: EST (-5) until 2030-03-10 07:00Z, then EDT (-4)
    MyPlan plan = aPlan().in("America/New_York").build();

    assertThat(plan.today(Instant.parse("2030-03-10T04:30:00Z")))
        .isEqualTo(LocalDate.of(2030, 3, 9));
    assertThat(plan.today(Instant.parse("2030-03-11T04:30:00Z")))
        .isEqualTo(LocalDate.of(2030, 3, 11));
  }

  @Test
  void sessions_keepTheirWeekdaysAcrossADaylightSavingChange() {
    // Europe/Berlin switches to summer time on Sunday 2030-03-31, inside week 4
    MyPlan plan = aPlan().following(aTemplate().withWeeks(8).build()).in("Europe/Berlin").build();

    assertThat(Scheduler.sessions(aTemplate().withWeeks(8).build(), plan))
        .extracting(s -> s.date().getDayOfWeek())
        .containsOnly(TUESDAY, THURSDAY, SUNDAY);
  }

  @Test
  void defaultDays_spreadTheSessions_withSundayLast() {
    for (int days = 1; days <= 7; days++) {
      assertThat(Scheduler.defaultDays(days))
          .hasSize(days)
          .doesNotHaveDuplicates()
          .contains(SUNDAY);
    }
  }

  /** Week {@code week} of {@code plan} following the default 4-week template. */
  private static List<DatedSession> week(MyPlan plan, int week) {
    return Scheduler.sessions(aTemplate().build(), plan).stream()
        .filter(s -> s.id().week() == week)
        .toList();
  }

  private static DatedSession last(MyPlan plan) {
    return last(aTemplate().build(), plan);
  }

  private static DatedSession last(PlanTemplate template, MyPlan plan) {
    List<DatedSession> all = Scheduler.sessions(template, plan);
    return all.get(all.size() - 1);
  }
}
