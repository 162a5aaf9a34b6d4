package app.stride.devices.application.service;

import static app.stride.devices.application.service.HistoryTestData.aWorkout;
import static app.stride.devices.application.service.HistoryTestData.anActivity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import app.stride.core.store.CursorSeal;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.HistoryEntry;
import app.stride.devices.domain.HistoryEntry.Kind;
import app.stride.devices.domain.UserId;
import app.stride.devices.domain.WorkoutSummary;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class HistoryQueriesTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final Instant NOW = Instant.parse("2026-09-30T12:00:00Z");
  private static final UserId ANA = new UserId("ana");
  private static final UserId BEN = new UserId("ben");
  private static final Duration HOUR = Duration.ofHours(1);

  private final MemoryStores stores = new MemoryStores();
  private final MemoryRecordedWorkouts workouts = new MemoryRecordedWorkouts();
  private final CursorSeal seal =
      new CursorSeal("history-cursor-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private final HistoryQueries history =
      new HistoryQueries(stores, workouts, seal, EU, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aWorkoutAndAnActivityOfOneSession_areOneEntry_withTheActivitysNumbers_andBothIds() {
    Instant start = NOW.minus(Duration.ofDays(3));
    Activity run = store(anActivity(ANA, start.plusSeconds(20), HOUR, 10_050.0));
    WorkoutSummary recorded = aWorkout(start, HOUR, 10_000.0);
    workouts.add(ANA, recorded);

    List<HistoryEntry> entries = firstPage(50).entries();

    assertThat(entries).hasSize(1);
    HistoryEntry entry = entries.get(0);
    assertThat(entry.kind()).isEqualTo(Kind.ACTIVITY);
    assertThat(entry.id()).isEqualTo(run.id().value());
    assertThat(entry.workoutId()).isEqualTo(recorded.workoutId());
    assertThat(entry.startTime()).isEqualTo(start.plusSeconds(20));
    assertThat(entry.distanceMeters()).isEqualTo(10_050.0);
    assertThat(entry.averageHeartRate()).isEqualTo(151);
    assertThat(entry.utcOffset()).isEqualTo(ZoneOffset.ofHours(2));
  }

  @Test
  void sessionsThatDifferInDistanceOrTime_stayApart_newestFirst() {
    Instant start = NOW.minus(Duration.ofDays(3));
    Activity run = store(anActivity(ANA, start, HOUR, 10_000.0));
    WorkoutSummary longer = aWorkout(start.plusSeconds(60), HOUR, 12_000.0);
    WorkoutSummary later = aWorkout(start.plus(Duration.ofHours(5)), HOUR, 10_000.0);
    workouts.add(ANA, longer).add(ANA, later);

    List<HistoryEntry> entries = firstPage(50).entries();

    assertThat(entries)
        .extracting(HistoryEntry::id)
        .containsExactly(later.workoutId(), longer.workoutId(), run.id().value());
    assertThat(entries)
        .extracting(HistoryEntry::kind)
        .containsExactly(Kind.WORKOUT, Kind.WORKOUT, Kind.ACTIVITY);
    assertThat(entries.get(2).workoutId()).isNull();
  }

  @Test
  void anActivityTakesTheWorkoutOverlappingItMost() {
    Instant start = NOW.minus(Duration.ofDays(2));
    Activity ride = store(anActivity(ANA, start, Duration.ofMinutes(100), null));
    // Both are the ride's session by the rules (35 of 40 minutes, 60 of 60 minutes overlap).
    WorkoutSummary early =
        aWorkout(start.minus(Duration.ofMinutes(5)), Duration.ofMinutes(40), null);
    WorkoutSummary inside =
        aWorkout(start.plus(Duration.ofMinutes(40)), Duration.ofMinutes(60), null);
    workouts.add(ANA, early).add(ANA, inside);

    List<HistoryEntry> entries = firstPage(50).entries();

    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).id()).isEqualTo(ride.id().value());
    assertThat(entries.get(0).workoutId()).isEqualTo(inside.workoutId());
    assertThat(entries.get(1).id()).isEqualTo(early.workoutId());
  }

  @Test
  void anotherUsersActivitiesAndWorkouts_areNeverShown() {
    Instant start = NOW.minus(Duration.ofDays(1));
    store(anActivity(BEN, start, HOUR, 5_000.0));
    workouts.add(BEN, aWorkout(start.plus(Duration.ofHours(3)), HOUR, 5_000.0));
    WorkoutSummary anas = aWorkout(start, HOUR, 5_000.0);
    workouts.add(ANA, anas);

    assertThat(firstPage(50).entries())
        .extracting(HistoryEntry::id)
        .containsExactly(anas.workoutId());
    assertThat(history.history(BEN, EU, request(null, null, 50, null)).entries()).hasSize(2);
  }

  @Test
  void byDefault_theLast90DaysAreListed() {
    WorkoutSummary recent = aWorkout(NOW.minus(Duration.ofDays(89)), HOUR, null);
    WorkoutSummary old = aWorkout(NOW.minus(Duration.ofDays(91)), HOUR, null);
    WorkoutSummary skewed = aWorkout(NOW.plus(Duration.ofMinutes(2)), HOUR, null);
    WorkoutSummary future = aWorkout(NOW.plus(Duration.ofMinutes(10)), HOUR, null);
    workouts.add(ANA, recent).add(ANA, old).add(ANA, skewed).add(ANA, future);

    assertThat(firstPage(50).entries())
        .extracting(HistoryEntry::id)
        .containsExactly(skewed.workoutId(), recent.workoutId());
  }

  @Test
  void fromAndTo_boundTheStarts_fromIncluded_toExcluded() {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant to = Instant.parse("2026-02-01T00:00:00Z");
    WorkoutSummary atFrom = aWorkout(from, HOUR, null);
    WorkoutSummary atTo = aWorkout(to, HOUR, null);
    WorkoutSummary before = aWorkout(from.minusSeconds(1), HOUR, null);
    workouts.add(ANA, atFrom).add(ANA, atTo).add(ANA, before);
    Activity twoDaysIn = store(anActivity(ANA, from.plus(Duration.ofDays(2)), HOUR, 5_000.0));
    WorkoutSummary itsWorkout =
        aWorkout(from.plus(Duration.ofDays(2)).minusSeconds(30), HOUR, 5_000.0);
    workouts.add(ANA, itsWorkout);
    // One session across the lower bound: listed by the activity's start, with its workout.
    Activity atStart = store(anActivity(ANA, from.plusSeconds(20), HOUR, 6_000.0));
    WorkoutSummary beforeFrom = aWorkout(from.minusSeconds(20), HOUR, 6_000.0);
    workouts.add(ANA, beforeFrom);

    assertThat(history.history(ANA, EU, request(from, to, 50, null)).entries())
        .extracting(HistoryQueriesTest::named)
        .containsExactly(
            twoDaysIn.id() + "+" + itsWorkout.workoutId(),
            atStart.id() + "+" + beforeFrom.workoutId(),
            atFrom.workoutId());
  }

  @Test
  void spansThatAreEmptyOrLongerThan366Days_areRefused() {
    Instant to = Instant.parse("2026-02-01T00:00:00Z");

    assertInvalid(() -> history.history(ANA, EU, request(to, to, 50, null)), "query:to");
    assertInvalid(
        () -> history.history(ANA, EU, request(to.minus(Duration.ofDays(367)), to, 50, null)),
        "query:from");
    assertInvalid(
        () -> history.history(ANA, EU, request(NOW.plus(Duration.ofDays(1)), null, 50, null)),
        "query:from");
    assertThat(
            history
                .history(ANA, EU, request(to.minus(Duration.ofDays(366)), to, 50, null))
                .entries())
        .isEmpty();
  }

  @Test
  void pages_continueAfterTheLastEntry_withoutRepeatsOrGaps_andTheLastHasNoCursor() {
    List<String> expected = new ArrayList<>();
    for (int day = 1; day <= 7; day++) {
      Instant start = NOW.minus(Duration.ofDays(day));
      if (day % 2 == 0) {
        expected.add(store(anActivity(ANA, start, HOUR, 8_000.0 + day)).id().value());
      } else {
        WorkoutSummary w = aWorkout(start, HOUR, null);
        workouts.add(ANA, w);
        expected.add(w.workoutId());
      }
    }

    List<List<String>> pages = pages(3, null, null);

    assertThat(pages).extracting(List::size).containsExactly(3, 3, 1);
    assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(expected);
  }

  @Test
  void aSessionMergedAcrossAPageCut_isShownOnce() {
    Instant start = NOW.minus(Duration.ofDays(4));
    // The workout starts a minute before the activity: it sorts below it, but is its session.
    Activity run = store(anActivity(ANA, start.plusSeconds(60), HOUR, 10_000.0));
    WorkoutSummary sameRun = aWorkout(start, HOUR, 10_100.0);
    // Sorts between them, so a page of one entry ends on it with the workout still to come.
    WorkoutSummary between = aWorkout(start.plusSeconds(30), Duration.ofSeconds(10), null);
    workouts.add(ANA, between);
    workouts.add(ANA, sameRun);
    store(anActivity(ANA, start.plus(Duration.ofHours(3)), HOUR, 3_000.0));
    workouts.add(ANA, aWorkout(start.minus(Duration.ofHours(3)), HOUR, null));

    List<String> ids = pages(1, null, null).stream().flatMap(List::stream).toList();

    assertThat(ids)
        .hasSize(4)
        .contains(run.id().value() + "+" + sameRun.workoutId(), between.workoutId())
        .noneMatch(id -> id.startsWith(sameRun.workoutId()));
  }

  @Test
  void moreItemsThanOneReadHolds_areAllListedOnce_inOrder() {
    Instant to = NOW;
    Instant from = NOW.minus(Duration.ofDays(300));
    List<HistoryEntry> expected = new ArrayList<>();
    for (int i = 0; i < 420; i++) {
      Instant start = to.minus(Duration.ofHours(12L * i + 6));
      if (i % 3 == 0) {
        Activity a = store(anActivity(ANA, start.plusSeconds(30), HOUR, 7_000.0));
        WorkoutSummary w = aWorkout(start, HOUR, 7_100.0);
        workouts.add(ANA, w);
        expected.add(HistoryEntry.of(a, w));
      } else if (i % 3 == 1) {
        expected.add(HistoryEntry.of(store(anActivity(ANA, start, HOUR, 4_000.0)), null));
      } else {
        WorkoutSummary w = aWorkout(start, HOUR, null);
        workouts.add(ANA, w);
        expected.add(HistoryEntry.of(w));
      }
    }
    List<String> expectedIds =
        expected.stream()
            .filter(e -> !e.startTime().isBefore(from))
            .sorted(HistoryTimeline.NEWEST_FIRST)
            .map(HistoryQueriesTest::named)
            .toList();

    List<String> ids = pages(100, from, to).stream().flatMap(List::stream).toList();

    assertThat(expectedIds).hasSizeGreaterThan(HistoryTimeline.SCAN);
    assertThat(ids).containsExactlyElementsOf(expectedIds);
  }

  @Test
  void sessionsCloserThanOneReadCovers_takeSeveralSteps_andAreAllListedOnce() {
    Instant to = NOW.minus(Duration.ofDays(1));
    Instant from = to.minus(Duration.ofDays(30));
    List<HistoryEntry> expected = new ArrayList<>();
    Duration ten = Duration.ofMinutes(10);
    for (int i = 0; i < 900; i++) {
      Instant start = to.minus(Duration.ofMinutes(20L * i + 15));
      if (i % 2 == 0) {
        // A session recorded by hand and on the device, with a short workout between the two.
        WorkoutSummary w = aWorkout(start, ten, 2_000.0);
        WorkoutSummary inBetween = aWorkout(start.plusSeconds(60), Duration.ofSeconds(20), null);
        Activity a = store(anActivity(ANA, start.plusSeconds(90), ten, 2_000.0));
        workouts.add(ANA, w).add(ANA, inBetween);
        expected.add(HistoryEntry.of(a, w));
        expected.add(HistoryEntry.of(inBetween));
      } else {
        expected.add(HistoryEntry.of(store(anActivity(ANA, start, ten, 1_500.0)), null));
      }
    }

    List<String> ids = pages(100, from, to).stream().flatMap(List::stream).toList();

    assertThat(ids)
        .containsExactlyElementsOf(
            expected.stream()
                .sorted(HistoryTimeline.NEWEST_FIRST)
                .map(HistoryQueriesTest::named)
                .toList());
  }

  @Test
  void aCrowdedDayAfterTo_doesNotHideTheEntriesBeforeIt() {
    Instant to = NOW.minus(Duration.ofDays(2));
    for (int i = 0; i < 3 * HistoryTimeline.SCAN; i++) {
      workouts.add(ANA, aWorkout(to.plus(Duration.ofMinutes(2L * i)), Duration.ofMinutes(1), null));
    }
    WorkoutSummary inside = aWorkout(to.minus(HOUR), Duration.ofMinutes(30), null);
    workouts.add(ANA, inside);

    HistoryQueries.Page page = history.history(ANA, EU, request(null, to, 10, null));

    assertThat(page.entries()).extracting(HistoryEntry::id).containsExactly(inside.workoutId());
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void aCursor_isRefusedWhenForged_orForAnotherUser_orAnotherSpan() {
    for (int day = 1; day <= 3; day++) {
      workouts.add(ANA, aWorkout(NOW.minus(Duration.ofDays(day)), HOUR, null));
      workouts.add(BEN, aWorkout(NOW.minus(Duration.ofDays(day)), HOUR, null));
    }
    String cursor = firstPage(1).nextCursor().orElseThrow();
    String forged =
        java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "2000-01-01T00:00:00Z\n2026-09-30T12:05:00Z\n2026-09-30T00:00:00Z\nw_x"
                        .getBytes(StandardCharsets.UTF_8))
            + cursor.substring(cursor.indexOf('.'));

    assertInvalid(() -> history.history(ANA, EU, request(null, null, 1, forged)), "query:cursor");
    assertInvalid(() -> history.history(BEN, EU, request(null, null, 1, cursor)), "query:cursor");
    assertInvalid(
        () -> history.history(ANA, EU, request(NOW.minus(Duration.ofDays(10)), null, 1, cursor)),
        "query:cursor");
    assertThat(history.history(ANA, EU, request(null, null, 1, cursor)).entries()).hasSize(1);
  }

  @Test
  void aForeignHome_isRefusedBeforeAnyRead() {
    assertThatThrownBy(() -> history.history(ANA, RegionId.of("us"), request(null, null, 5, null)))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(421));
    assertThat(workouts.reads).isZero();
  }

  private Activity store(Activity activity) {
    stores.activities.put(activity.userId() + "/" + activity.id(), activity);
    return activity;
  }

  private HistoryQueries.Page firstPage(int limit) {
    return history.history(ANA, EU, request(null, null, limit, null));
  }

  private List<List<String>> pages(int limit, Instant from, Instant to) {
    List<List<String>> pages = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String cursor = null;
    do {
      HistoryQueries.Page page = history.history(ANA, EU, request(from, to, limit, cursor));
      pages.add(page.entries().stream().map(HistoryQueriesTest::named).toList());
      cursor = page.nextCursor().orElse(null);
      assertThat(cursor == null || cursors.add(cursor)).as("cursors move on").isTrue();
    } while (cursor != null && pages.size() < 100);
    return pages;
  }

  /** An entry's id, with {@code +<workoutId>} when a workout is merged into it. */
  private static String named(HistoryEntry entry) {
    return entry.workoutId() == null ? entry.id() : entry.id() + "+" + entry.workoutId();
  }

  private static HistoryQueries.Request request(
      Instant from, Instant to, int limit, String cursor) {
    return new HistoryQueries.Request(
        Optional.ofNullable(from), Optional.ofNullable(to), limit, Optional.ofNullable(cursor));
  }

  private static void assertInvalid(ThrowingCallable call, String pointer) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().errors().get(0).pointer()).isEqualTo(pointer);
            });
  }
}
