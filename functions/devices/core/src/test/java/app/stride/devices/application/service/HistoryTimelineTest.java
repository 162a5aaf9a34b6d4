package app.stride.devices.application.service;

import static app.stride.devices.application.service.HistoryTestData.aWorkout;
import static app.stride.devices.application.service.HistoryTestData.anActivity;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.region.RegionId;
import app.stride.devices.application.service.HistoryTimeline.Window;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.HistoryEntry;
import app.stride.devices.domain.UserId;
import app.stride.devices.domain.WorkoutSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The timeline's steps where one read holds far fewer items than asked for (about 70 hours of items
 * per read here; below {@code 2 x REACH} of items per read, it settles for what it read).
 */
class HistoryTimelineTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final UserId ANA = new UserId("ana");

  private final MemoryStores stores = new MemoryStores();
  private final MemoryRecordedWorkouts workouts = new MemoryRecordedWorkouts();
  private final HistoryTimeline timeline = new HistoryTimeline(stores, workouts);

  @Test
  void sessionsCutByAReadsEnd_keepTheirWorkout() {
    Instant to = Instant.parse("2026-09-01T00:00:00Z");
    List<HistoryEntry> expected = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      // A session recorded by hand and on the device, a short workout between their starts, so a
      // read may end between the activity and its workout.
      Instant start = to.minus(Duration.ofMinutes(40L * i + 15));
      WorkoutSummary w = aWorkout(start, Duration.ofMinutes(10), 2_000.0);
      WorkoutSummary between = aWorkout(start.plusSeconds(60), Duration.ofSeconds(20), null);
      Activity a = anActivity(ANA, start.plusSeconds(90), Duration.ofMinutes(10), 2_000.0);
      stores.activities.put(ANA + "/" + a.id(), a);
      workouts.add(ANA, w).add(ANA, between);
      expected.add(HistoryEntry.of(a, w));
      expected.add(HistoryEntry.of(between));
    }

    Window window = new Window(to.minus(Duration.ofDays(30)), to);
    List<HistoryEntry> listed = new ArrayList<>();
    Optional<HistoryTimeline.Position> resume = Optional.empty();
    do {
      HistoryTimeline.Result result = timeline.entries(ANA, EU, window, resume, 10_000);
      listed.addAll(result.entries());
      resume = result.resumeAt();
    } while (resume.isPresent() && listed.size() <= expected.size());

    assertThat(listed)
        .containsExactlyElementsOf(expected.stream().sorted(HistoryTimeline.NEWEST_FIRST).toList());
  }
}
