package app.stride.devices.gcp.adapter.out.workouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.event.OutboundEvent;
import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import app.stride.devices.domain.UserId;
import app.stride.devices.domain.WorkoutSummary;
import app.stride.gcp.firestore.CursorCodec;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.testkit.junit.FirestoreExtension;
import app.stride.workouts.domain.Sport;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutDraft;
import app.stride.workouts.domain.WorkoutId;
import app.stride.workouts.gcp.adapter.out.firestore.FirestoreWorkoutStore;
import com.google.cloud.firestore.Firestore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The history's view of recorded workouts against the Firestore emulator, the workouts written by
 * the workouts capability's own {@link FirestoreWorkoutStore}. The emulator is shared and never
 * reset, so every test has its own users.
 */
class FirestoreRecordedWorkoutsIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final RegionId APAC = RegionId.of("apac");
  private static final Instant NOW = Instant.parse("2026-09-30T12:00:00Z");

  private static Firestore firestore;
  private final Random random = new Random(13);
  private FirestoreWorkoutStore workoutsStore;
  private FirestoreRecordedWorkouts recorded;
  private String ana;
  private String ben;

  @BeforeAll
  static void connect() {
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));
  }

  @BeforeEach
  void users() {
    workoutsStore =
        new FirestoreWorkoutStore(
            firestore, new CursorCodec(new byte[32]), APAC, Clock.fixed(NOW, ZoneOffset.UTC));
    recorded = new FirestoreRecordedWorkouts(firestore, APAC);
    ana = "ana-" + UUID.randomUUID();
    ben = "ben-" + UUID.randomUUID();
  }

  @Test
  void startingBetween_readsTheOwnersWorkouts_newestFirst_withTheirSummary() {
    Workout run =
        record(ana, Sport.RUNNING, Instant.parse("2026-09-27T07:15:00Z"), 3_600, 10_000.0, 152);
    Workout yoga =
        record(ana, Sport.YOGA, Instant.parse("2026-09-28T18:00:00Z"), 1_200, null, null);
    record(ben, Sport.RUNNING, Instant.parse("2026-09-28T07:00:00Z"), 1_800, 5_000.0, null);

    assertThat(recorded.startingBetween(user(ana), NOW.minus(Duration.ofDays(10)), NOW, 50, APAC))
        .containsExactly(
            new WorkoutSummary(
                yoga.id().value(),
                "yoga",
                Instant.parse("2026-09-28T18:00:00Z"),
                ZoneOffset.ofHours(8),
                Duration.ofSeconds(1_200),
                null,
                null),
            new WorkoutSummary(
                run.id().value(),
                "running",
                Instant.parse("2026-09-27T07:15:00Z"),
                ZoneOffset.ofHours(8),
                Duration.ofSeconds(3_600),
                10_000.0,
                152));
  }

  @Test
  void startingBetween_includesFrom_excludesTo_evenForBoundsWithFractions() {
    Instant start = Instant.parse("2026-09-27T07:15:00Z");
    Workout atStart = record(ana, Sport.RUNNING, start, 600, null, null);
    record(ana, Sport.RUNNING, start.plusSeconds(1), 600, null, null);

    assertThat(ids(start, start.plusSeconds(1))).containsExactly(atStart.id().value());
    assertThat(ids(start.minusMillis(1), start.plusMillis(1)))
        .containsExactly(atStart.id().value());
    assertThat(ids(start.plusMillis(1), start.plusMillis(999))).isEmpty();
  }

  @Test
  void startingBetween_stopsAtTheLimit_andNeverShowsDeletedWorkouts() {
    Instant start = Instant.parse("2026-09-20T07:00:00Z");
    for (int day = 0; day < 5; day++) {
      record(ana, Sport.RUNNING, start.plus(Duration.ofDays(day)), 600, null, null);
    }
    Workout deleted = record(ana, Sport.RUNNING, start.plus(Duration.ofDays(6)), 600, null, null);
    workoutsStore.delete(deleted.userId(), deleted.id(), 1, event(deleted.id().value()), APAC);

    assertThat(recorded.startingBetween(user(ana), start, NOW, 3, APAC))
        .extracting(WorkoutSummary::startTime)
        .containsExactly(
            start.plus(Duration.ofDays(4)),
            start.plus(Duration.ofDays(3)),
            start.plus(Duration.ofDays(2)));
    assertThat(ids(start, NOW)).hasSize(5).doesNotContain(deleted.id().value());
  }

  @Test
  void aForeignHome_isRefused() {
    assertThatThrownBy(
            () ->
                recorded.startingBetween(
                    user(ana), NOW.minus(Duration.ofDays(1)), NOW, 10, RegionId.of("eu")))
        .isInstanceOf(ProblemException.class);
  }

  private static UserId user(String id) {
    return new UserId(id);
  }

  private List<String> ids(Instant from, Instant to) {
    return recorded.startingBetween(user(ana), from, to, 100, APAC).stream()
        .map(WorkoutSummary::workoutId)
        .toList();
  }

  private Workout record(
      String user,
      Sport sport,
      Instant start,
      long seconds,
      Double distance,
      Integer averageHeartRate) {
    Workout workout =
        Workout.record(
            WorkoutId.next(start, random),
            new app.stride.workouts.domain.UserId(user),
            new WorkoutDraft(
                sport,
                null,
                start,
                "Asia/Singapore",
                seconds,
                distance,
                null,
                averageHeartRate,
                averageHeartRate == null ? null : averageHeartRate + 20,
                null,
                null),
            NOW);
    workoutsStore.create(workout, event(workout.id().value()), APAC);
    return workout;
  }

  private static OutboundEvent event(String id) {
    return new OutboundEvent(
        "e-" + id + "-" + System.nanoTime(),
        "app.stride.workout.v1.recorded",
        "ana",
        "{}".getBytes(StandardCharsets.UTF_8));
  }
}
