package app.stride.devices.aws.adapter.out.workouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.aws.dynamodb.CursorCodec;
import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.core.event.OutboundEvent;
import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import app.stride.devices.application.port.out.RecordedWorkouts;
import app.stride.devices.domain.UserId;
import app.stride.devices.domain.WorkoutSummary;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import app.stride.workouts.aws.adapter.out.dynamodb.DynamoWorkoutStore;
import app.stride.workouts.domain.Sport;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutDraft;
import app.stride.workouts.domain.WorkoutId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The history's view of recorded workouts against a real dynalite, the workouts written by the
 * workouts capability's own {@link DynamoWorkoutStore} (its table, index and item layout).
 */
class DynamoRecordedWorkoutsIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final RegionId EU = RegionId.of("eu");
  private static final Instant NOW = Instant.parse("2026-09-30T12:00:00Z");
  private static final UserId ANA = new UserId("ana");

  private final Random random = new Random(11);
  private DynamoDbClient client;
  private DynamoWorkoutStore workoutsStore;
  private DynamoRecordedWorkouts recorded;

  @BeforeEach
  void workoutsTable() {
    client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    String table = UniqueNames.uniqueName("stride-workouts-eu");
    workoutsStore =
        new DynamoWorkoutStore(
            DynamoDbClients.enhanced(client),
            table,
            new CursorCodec(new byte[32]),
            EU,
            Clock.fixed(NOW, ZoneOffset.UTC));
    LocalTables.createIfMissing(workoutsStore.table(), client);
    recorded = new DynamoRecordedWorkouts(DynamoDbClients.enhanced(client), table, EU);
  }

  @Test
  void startingBetween_readsTheOwnersWorkouts_newestFirst_withTheirSummary() {
    Workout run = record("ana", Instant.parse("2026-09-27T07:15:00Z"), 3_600, 10_000.0, 152);
    Workout yoga =
        record("ana", Sport.YOGA, Instant.parse("2026-09-28T18:00:00Z"), 1_200, null, null);
    record("ben", Instant.parse("2026-09-28T07:00:00Z"), 1_800, 5_000.0, null);

    assertThat(
            recorded.startingBetween(
                ANA, NOW.minus(Duration.ofDays(10)), NOW, RecordedWorkouts.MAX_LIMIT, EU))
        .containsExactly(
            new WorkoutSummary(
                yoga.id().value(),
                "yoga",
                Instant.parse("2026-09-28T18:00:00Z"),
                ZoneOffset.ofHours(2),
                Duration.ofSeconds(1_200),
                null,
                null),
            new WorkoutSummary(
                run.id().value(),
                "running",
                Instant.parse("2026-09-27T07:15:00Z"),
                ZoneOffset.ofHours(2),
                Duration.ofSeconds(3_600),
                10_000.0,
                152));
  }

  @Test
  void startingBetween_includesFrom_excludesTo_evenForBoundsWithFractions() {
    Instant start = Instant.parse("2026-09-27T07:15:00Z");
    Workout atStart = record("ana", start, 600, null, null);
    record("ana", start.plusSeconds(1), 600, null, null);

    assertThat(ids(start, start.plusSeconds(1))).containsExactly(atStart.id().value());
    assertThat(ids(start.minusMillis(1), start.plusMillis(1)))
        .containsExactly(atStart.id().value());
    assertThat(ids(start.plusMillis(1), start.plusMillis(999))).isEmpty();
    assertThat(ids(start.plusNanos(1), start.plusSeconds(1).plusNanos(1))).hasSize(1);
  }

  @Test
  void startingBetween_stopsAtTheLimit_andNeverShowsDeletedWorkouts() {
    Instant start = Instant.parse("2026-09-20T07:00:00Z");
    for (int day = 0; day < 5; day++) {
      record("ana", start.plus(Duration.ofDays(day)), 600, null, null);
    }
    Workout deleted = record("ana", start.plus(Duration.ofDays(6)), 600, null, null);
    workoutsStore.delete(deleted.userId(), deleted.id(), 1, event("deleted"), EU);

    assertThat(recorded.startingBetween(ANA, start, NOW, 3, EU))
        .extracting(WorkoutSummary::startTime)
        .containsExactly(
            start.plus(Duration.ofDays(4)),
            start.plus(Duration.ofDays(3)),
            start.plus(Duration.ofDays(2)));
    assertThat(ids(start, NOW)).hasSize(5).doesNotContain(deleted.id().value());
  }

  @Test
  void beforeTheWorkoutsTableExists_nothingIsRecorded() {
    DynamoRecordedWorkouts noTable =
        new DynamoRecordedWorkouts(
            DynamoDbClients.enhanced(client), UniqueNames.uniqueName("stride-workouts-eu"), EU);

    assertThat(noTable.startingBetween(ANA, NOW.minus(Duration.ofDays(1)), NOW, 10, EU)).isEmpty();
  }

  @Test
  void aForeignHome_isRefused() {
    assertThatThrownBy(
            () ->
                recorded.startingBetween(
                    ANA, NOW.minus(Duration.ofDays(1)), NOW, 10, RegionId.of("us")))
        .isInstanceOf(ProblemException.class);
  }

  private List<String> ids(Instant from, Instant to) {
    return recorded.startingBetween(ANA, from, to, 100, EU).stream()
        .map(WorkoutSummary::workoutId)
        .toList();
  }

  private Workout record(
      String user, Instant start, long seconds, Double distance, Integer averageHeartRate) {
    return record(user, Sport.RUNNING, start, seconds, distance, averageHeartRate);
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
                "Europe/Berlin",
                seconds,
                distance,
                null,
                averageHeartRate,
                averageHeartRate == null ? null : averageHeartRate + 20,
                null,
                null),
            NOW);
    workoutsStore.create(workout, event(workout.id().value()), EU);
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
