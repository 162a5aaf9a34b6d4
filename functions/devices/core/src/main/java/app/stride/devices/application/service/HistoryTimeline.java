package app.stride.devices.application.service;

import app.stride.core.region.RegionId;
import app.stride.devices.application.port.out.ActivityStore;
import app.stride.devices.application.port.out.RecordedWorkouts;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.Deduplication;
import app.stride.devices.domain.HistoryEntry;
import app.stride.devices.domain.UserId;
import app.stride.devices.domain.WorkoutSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a user's history from their activities and recorded workouts, newest first, one entry per
 * session.
 *
 * <p>An activity takes the recorded workout of the same session ({@link
 * Deduplication#sameWorkout(WorkoutSummary, app.stride.devices.domain.ActivityData)}, starts at
 * most {@link #REACH} apart; the one overlapping most, then the smallest id); a workout no activity
 * takes stands alone. So whether a workout shows depends only on what starts within {@code 2 x
 * REACH} of it, and each step reads that much around the entries it returns: pages never show a
 * session twice, wherever they are cut.
 *
 * <p>Each step reads the partners up to {@code 2 x REACH} above the next entries, then at most
 * {@link #SCAN} items of each source from there down; when a source holds more, the step returns
 * only the entries all of whose partners it read, and the next step continues below them. Only with
 * more than {@code SCAN} items of one source within {@code 2 x REACH} (some hundred sessions in two
 * days) does a step settle for what it read, where a session the read cuts may show apart.
 */
final class HistoryTimeline {
  /** How far apart the starts of a workout and an activity of one session may be. */
  static final Duration REACH = Deduplication.SEARCH_BEFORE;

  /** The most items of each source one step reads. */
  static final int SCAN = 200;

  /** The most steps one page takes. */
  static final int MAX_STEPS = 8;

  /** The history's order: newest start first, then the larger id first. */
  static final Comparator<HistoryEntry> NEWEST_FIRST =
      Comparator.comparing(HistoryEntry::startTime).thenComparing(HistoryEntry::id).reversed();

  private final ActivityStore activities;
  private final RecordedWorkouts workouts;

  HistoryTimeline(ActivityStore activities, RecordedWorkouts workouts) {
    this.activities = activities;
    this.workouts = workouts;
  }

  /** A span of starts: {@code from} included, {@code to} excluded. */
  record Window(Instant from, Instant to) {}

  /**
   * A place in the history: entries that come after it in {@link #NEWEST_FIRST} order start
   * earlier, or at the same time with a smaller id.
   */
  record Position(Instant startTime, String id) {
    /** Above every entry starting at {@code startTime}, so they all still come. */
    static Position through(Instant startTime) {
      return new Position(startTime, "\uffff");
    }

    static Position after(HistoryEntry entry) {
      return new Position(entry.startTime(), entry.id());
    }

    boolean isBefore(HistoryEntry entry) {
      int byStart = entry.startTime().compareTo(startTime);
      return byStart < 0 || (byStart == 0 && entry.id().compareTo(id) < 0);
    }
  }

  /**
   * Up to {@code want} entries of {@code window} after {@code after}, and where to resume when the
   * steps ran out before the window did.
   */
  record Result(List<HistoryEntry> entries, Optional<Position> resumeAt) {}

  Result entries(UserId user, RegionId home, Window window, Optional<Position> after, int want) {
    List<HistoryEntry> out = new ArrayList<>();
    Position upper = after.orElse(Position.through(window.to().minusNanos(1)));
    Instant lo = window.from().minus(REACH.multipliedBy(2));
    for (int step = 0; step < MAX_STEPS; step++) {
      // The partners above the next entries, then the next entries themselves with the partners
      // below them: separate reads, so a crowded span above never starves the one below.
      Instant top = upper.startTime().plusNanos(1);
      Instant hi = top.plus(REACH.multipliedBy(2));
      Fetched<WorkoutSummary> recordedAbove = workouts(user, top, hi, home);
      Fetched<Activity> importedAbove = activities(user, top, hi, home);
      Fetched<WorkoutSummary> recorded = workouts(user, lo, top, home);
      Fetched<Activity> imported = activities(user, lo, top, home);
      boolean complete = !recorded.truncated() && !imported.truncated();
      Instant floor = later(recorded.floor(), imported.floor());
      Instant exactAfter = floor.plus(REACH.multipliedBy(2));
      if (!exactAfter.isBefore(upper.startTime())) {
        // Over SCAN items within 2 x REACH: settle for what was read, and always move on.
        exactAfter = floor.isBefore(upper.startTime()) ? floor : upper.startTime().minusNanos(1);
      }
      Instant threshold = exactAfter;
      Position from = upper;
      List<HistoryEntry> found =
          sessions(
                  concat(recordedAbove.items(), recorded.items()),
                  concat(importedAbove.items(), imported.items()))
              .stream()
              .filter(e -> !e.startTime().isBefore(window.from()))
              .filter(from::isBefore)
              .filter(e -> complete || e.startTime().isAfter(threshold))
              .sorted(NEWEST_FIRST)
              .toList();
      for (HistoryEntry entry : found) {
        out.add(entry);
        if (out.size() == want) {
          return new Result(out, Optional.empty());
        }
      }
      if (complete || exactAfter.isBefore(window.from())) {
        return new Result(out, Optional.empty());
      }
      upper = Position.through(exactAfter);
    }
    return new Result(out, Optional.of(upper));
  }

  private Fetched<WorkoutSummary> workouts(UserId user, Instant lo, Instant hi, RegionId home) {
    return fetched(
        workouts.startingBetween(user, lo, hi, SCAN, home), SCAN, WorkoutSummary::startTime, lo);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** One entry per session: each activity with its recorded workout, then the workouts left. */
  static List<HistoryEntry> sessions(List<WorkoutSummary> recorded, List<Activity> imported) {
    List<HistoryEntry> entries = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (Activity activity : imported) {
      Optional<WorkoutSummary> same = sameSession(activity, recorded);
      same.ifPresent(w -> taken.add(w.workoutId()));
      entries.add(HistoryEntry.of(activity, same.orElse(null)));
    }
    for (WorkoutSummary workout : recorded) {
      if (!taken.contains(workout.workoutId())) {
        entries.add(HistoryEntry.of(workout));
      }
    }
    return entries;
  }

  private static Optional<WorkoutSummary> sameSession(
      Activity activity, List<WorkoutSummary> recorded) {
    Instant start = activity.data().startTime();
    return recorded.stream()
        .filter(w -> Duration.between(w.startTime(), start).abs().compareTo(REACH) <= 0)
        .filter(w -> Deduplication.sameWorkout(w, activity.data()))
        .max(
            Comparator.comparing(
                    (WorkoutSummary w) ->
                        Deduplication.overlap(
                            w.startTime(), w.duration(), start, activity.data().elapsed()))
                .thenComparing(WorkoutSummary::workoutId, Comparator.reverseOrder()));
  }

  /**
   * The user's activities in {@code [lo, hi)}, through as many reads as the store's cap needs, up
   * to {@link #SCAN}.
   */
  private Fetched<Activity> activities(UserId user, Instant lo, Instant hi, RegionId home) {
    Map<ActivityId, Activity> found = new LinkedHashMap<>();
    Instant upper = hi;
    while (true) {
      List<Activity> batch = activities.startingBetween(user, lo, upper, home);
      int before = found.size();
      batch.forEach(a -> found.putIfAbsent(a.id(), a));
      if (batch.size() < ActivityStore.DEDUP_SCAN_LIMIT) {
        return fetched(
            List.copyOf(found.values()), Integer.MAX_VALUE, a -> a.data().startTime(), lo);
      }
      if (found.size() >= SCAN || found.size() == before) {
        return fetched(List.copyOf(found.values()), 0, a -> a.data().startTime(), lo);
      }
      Instant oldest =
          batch.stream()
              .map(a -> a.data().startTime())
              .min(Comparator.naturalOrder())
              .orElseThrow();
      upper = oldest.plusNanos(1);
    }
  }

  /**
   * What a capped read found: {@code truncated} when it may have left older items out, and then
   * {@code floor} is the oldest start it read (items starting later are all there); otherwise the
   * read's lower bound.
   */
  private record Fetched<T>(List<T> items, boolean truncated, Instant floor) {}

  private static <T> Fetched<T> fetched(
      List<T> items, int cap, Function<T, Instant> start, Instant lo) {
    if (items.isEmpty() || items.size() < cap) {
      return new Fetched<>(items, false, lo);
    }
    return new Fetched<>(
        items, true, items.stream().map(start).min(Comparator.naturalOrder()).orElseThrow());
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
