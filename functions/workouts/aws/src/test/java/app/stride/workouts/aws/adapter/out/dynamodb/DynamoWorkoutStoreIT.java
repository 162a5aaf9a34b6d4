package app.stride.workouts.aws.adapter.out.dynamodb;

import static app.stride.workouts.WorkoutTestData.aWorkout;
import static app.stride.workouts.WorkoutTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.aws.dynamodb.CursorCodec;
import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.aws.dynamodb.PartitionEraser;
import app.stride.core.event.OutboundEvent;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.Page;
import app.stride.core.store.VersionConflictException;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import app.stride.workouts.WorkoutTestData;
import app.stride.workouts.application.port.out.HistoryQuery;
import app.stride.workouts.application.port.out.IdempotencyPort.Claim;
import app.stride.workouts.domain.Sport;
import app.stride.workouts.domain.UserId;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link DynamoWorkoutStore} against a real dynalite: key schema, writes, outbox, history. */
class DynamoWorkoutStoreIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final RegionId EU = RegionId.of("eu");
  private static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");
  private static final Instant DAY1 = Instant.parse("2026-03-01T06:00:00Z");

  private DynamoDbClient client;
  private DynamoWorkoutStore store;
  private String table;

  @BeforeEach
  void freshTable() {
    client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    table = UniqueNames.uniqueName("stride-workouts-eu");
    store =
        new DynamoWorkoutStore(
            DynamoDbClients.enhanced(client),
            table,
            new CursorCodec(new byte[32]),
            EU,
            Clock.fixed(NOW, ZoneOffset.UTC));
    LocalTables.createIfMissing(store.table(), client);
  }

  @Test
  void create_thenLoad_returnsTheSameWorkout_underThePlannersKeySchema() {
    Workout workout = aWorkout().of("ana").build();

    store.create(workout, anEvent("ana"), EU);

    assertThat(store.load(workout.userId(), workout.id(), EU)).contains(workout);
    Map<String, AttributeValue> raw =
        client
            .getItem(
                r ->
                    r.tableName(table)
                        .key(
                            Map.of(
                                "userId", AttributeValue.fromS("ana"),
                                "workoutId", AttributeValue.fromS(workout.id().value()))))
            .item();
    assertThat(raw.get("sport").s()).isEqualTo("running");
    assertThat(raw.get("startTime").s()).isEqualTo("2026-03-14T06:30:00Z");
    assertThat(raw.get("durationSeconds").n()).isEqualTo("5400");
    assertThat(raw.get("distanceMeters").n()).isEqualTo("18000");
    assertThat(raw.get("version").n()).isEqualTo("1");
    assertThat(raw.get("startKey").s()).isEqualTo("2026-03-14T06:30:00Z#" + workout.id());
    assertThat(client.describeTable(r -> r.tableName(table)).table().localSecondaryIndexes())
        .singleElement()
        .satisfies(index -> assertThat(index.indexName()).isEqualTo("byStartTime"));
  }

  @Test
  void load_ofAnotherUsersWorkoutId_isEmpty() {
    Workout workout = aWorkout().of("ana").build();
    store.create(workout, anEvent("ana"), EU);

    assertThat(store.load(new UserId("mallory"), workout.id(), EU)).isEmpty();
  }

  @Test
  void replace_atTheReadVersion_writes_andAStaleVersionConflicts() {
    Workout workout = aWorkout().of("ana").build();
    store.create(workout, anEvent("ana"), EU);
    Workout next = workout.revise(aWorkout().of("ana").lasting(6000).draft(), NOW);

    store.replace(next, 1, anEvent("ana"), EU);

    assertThat(store.load(workout.userId(), workout.id(), EU)).contains(next);
    assertThatThrownBy(() -> store.replace(next.revise(next.draft(), NOW), 1, anEvent("ana"), EU))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void create_ofAnExistingId_conflicts() {
    Workout workout = aWorkout().of("ana").build();
    store.create(workout, anEvent("ana"), EU);

    assertThatThrownBy(() -> store.create(workout, anEvent("ana"), EU))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void delete_leavesAMarkerWithThePendingEvent_invisibleToReads_removedWhenPublished() {
    Workout workout = aWorkout().of("ana").build();
    OutboundEvent recorded = anEvent("ana");
    store.create(workout, recorded, EU);
    store.markPublished(workout.userId(), workout.id(), recorded.id(), EU);
    OutboundEvent deleted = anEvent("ana");

    store.delete(workout.userId(), workout.id(), 1, deleted, EU);

    assertThat(store.load(workout.userId(), workout.id(), EU)).isEmpty();
    assertThat(store.pending(10, EU)).extracting(p -> p.event().id()).containsExactly(deleted.id());
    assertThat(history("ana", 10).items()).isEmpty();
    store.markPublished(workout.userId(), workout.id(), deleted.id(), EU);
    assertThat(store.pending(10, EU)).isEmpty();
    assertThat(
            client
                .getItem(
                    r ->
                        r.tableName(table)
                            .key(
                                Map.of(
                                    "userId", AttributeValue.fromS("ana"),
                                    "workoutId", AttributeValue.fromS(workout.id().value()))))
                .hasItem())
        .isFalse();
  }

  @Test
  void pending_keepsEveryUnpublishedEvent_acrossWrites() {
    Workout workout = aWorkout().of("ana").build();
    OutboundEvent first = anEvent("ana");
    OutboundEvent second = anEvent("ana");
    store.create(workout, first, EU);

    store.replace(workout.revise(workout.draft(), NOW), 1, second, EU);

    assertThat(store.pending(10, EU))
        .extracting(p -> p.event().id())
        .containsExactlyInAnyOrder(first.id(), second.id());
  }

  @Test
  void history_isNewestFirst_pagesByCursor_andIsStableUnderInserts() {
    for (int day = 0; day < 5; day++) {
      recordOn(DAY1.plus(Duration.ofDays(day)), Sport.YOGA);
    }

    Page<Workout> first = history("ana", 2);
    recordOn(DAY1.plus(Duration.ofDays(10)), Sport.YOGA);
    Page<Workout> second = store.history(new UserId("ana"), query(2, first.nextCursor()), EU);
    Page<Workout> third = store.history(new UserId("ana"), query(2, second.nextCursor()), EU);

    assertThat(starts(first)).containsExactly("2026-03-05T06:00:00Z", "2026-03-04T06:00:00Z");
    assertThat(starts(second)).containsExactly("2026-03-03T06:00:00Z", "2026-03-02T06:00:00Z");
    assertThat(starts(third)).containsExactly("2026-03-01T06:00:00Z");
    assertThat(third.nextCursor()).isEmpty();
  }

  @Test
  void history_filtersBySportAndTimeRange_fillingPagesPastFilteredItems() {
    for (int day = 0; day < 6; day++) {
      recordOn(DAY1.plus(Duration.ofDays(day)), day % 2 == 0 ? Sport.YOGA : Sport.CYCLING);
    }

    HistoryQuery yoga =
        new HistoryQuery(
            2,
            Optional.empty(),
            Optional.of(Sport.YOGA),
            Optional.of(DAY1),
            Optional.of(Instant.parse("2026-03-05T06:00:00Z")));
    Page<Workout> page = store.history(new UserId("ana"), yoga, EU);

    assertThat(starts(page)).containsExactly("2026-03-03T06:00:00Z", "2026-03-01T06:00:00Z");
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void history_refusesAnAlteredCursor_orOneOfAnotherUserOrFilter() {
    for (int day = 0; day < 3; day++) {
      recordOn(DAY1.plus(Duration.ofDays(day)), Sport.YOGA);
    }
    String cursor = history("ana", 1).nextCursor().orElseThrow();
    String altered = cursor.replaceFirst("^.", cursor.charAt(0) == 'e' ? "f" : "e");

    for (Runnable call :
        List.<Runnable>of(
            () -> store.history(new UserId("ana"), query(1, Optional.of(altered)), EU),
            () -> store.history(new UserId("bob"), query(1, Optional.of(cursor)), EU),
            () ->
                store.history(
                    new UserId("ana"),
                    new HistoryQuery(
                        1,
                        Optional.of(cursor),
                        Optional.of(Sport.YOGA),
                        Optional.empty(),
                        Optional.empty()),
                    EU))) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.problem().type()).isEqualTo(ProblemType.VALIDATION_FAILED.uri());
                assertThat(e.problem().errors().get(0).pointer()).isEqualTo("query:cursor");
              });
    }
  }

  @Test
  void startingBetween_findsNeighboursForTheOverlapCheck() {
    recordOn(Instant.parse("2026-03-01T06:00:00Z"), Sport.YOGA);
    recordOn(Instant.parse("2026-03-01T09:00:00Z"), Sport.YOGA);

    assertThat(
            store.startingBetween(
                new UserId("ana"),
                Instant.parse("2026-03-01T05:00:00Z"),
                Instant.parse("2026-03-01T09:00:00Z"),
                EU))
        .extracting(w -> w.draft().startTime().toString())
        .containsExactly("2026-03-01T06:00:00Z");
  }

  @Test
  void claim_firstWins_laterClaimsSeeIt_andAnExpiredClaimIsReplaced() {
    UserId ana = new UserId("ana");
    WorkoutId first = WorkoutTestData.aWorkoutId();
    Claim mine = new Claim("key-00000001", "fp-1", first, NOW.plusSeconds(3600));

    assertThat(store.claim(ana, mine, EU)).isEmpty();
    assertThat(
            store.claim(
                ana,
                new Claim(
                    "key-00000001", "fp-2", WorkoutTestData.aWorkoutId(), NOW.plusSeconds(3600)),
                EU))
        .hasValueSatisfying(
            c -> {
              assertThat(c.fingerprint()).isEqualTo("fp-1");
              assertThat(c.workoutId()).isEqualTo(first);
            });
    Claim expired = new Claim("key-00000002", "fp-1", first, NOW.minusSeconds(1));
    store.claim(ana, expired, EU);
    assertThat(store.claim(ana, new Claim("key-00000002", "fp-3", first, NOW.plusSeconds(60)), EU))
        .isEmpty();
    assertThat(history("ana", 10).items()).isEmpty();
  }

  @Test
  void everyMethod_refusesAUserHomedElsewhere() {
    Workout workout = aWorkout().of("ana").build();

    assertThatThrownBy(() -> store.create(workout, anEvent("ana"), RegionId.of("us")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.WRONG_REGION.uri()));
    assertThatThrownBy(() -> store.load(workout.userId(), workout.id(), RegionId.of("us")))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void eraseAll_removesTheUsersWholePartition_pageByPage_andLeavesAnotherUsersItems() {
    int workouts = PartitionEraser.PAGE + PartitionEraser.BATCH + 5;
    List<Workout> anas = recordMany("ana", workouts);
    Workout deleted = anas.get(0);
    store.delete(deleted.userId(), deleted.id(), 1, anEvent("ana"), EU);
    UserId ana = new UserId("ana");
    for (int i = 1; i <= 3; i++) {
      store.claim(ana, aClaim("key-" + i, anas.get(i).id()), EU);
    }
    // Shares ana's id as a prefix: only an exact partition match leaves him alone.
    List<Workout> anatols = recordMany("ana1", 2);
    UserId anatol = new UserId("ana1");
    store.claim(anatol, aClaim("key-1", anatols.get(0).id()), EU);

    int erased = store.eraseAll(ana, EU);

    assertThat(erased).isEqualTo(workouts + 3);
    assertThat(itemsInPartition("ana")).isZero();
    assertThat(store.load(ana, anas.get(1).id(), EU)).isEmpty();
    assertThat(history("ana", 10).items()).isEmpty();
    assertThat(store.pending(100, EU))
        .extracting(p -> p.userId().value())
        .containsOnly("ana1")
        .hasSize(2);
    assertThat(history("ana1", 10).items()).containsExactlyInAnyOrderElementsOf(anatols);
    assertThat(store.claim(anatol, aClaim("key-1", WorkoutTestData.aWorkoutId()), EU))
        .hasValueSatisfying(c -> assertThat(c.workoutId()).isEqualTo(anatols.get(0).id()));
    assertThat(store.claim(ana, aClaim("key-1", WorkoutTestData.aWorkoutId()), EU)).isEmpty();
  }

  @Test
  void eraseAll_twice_findsNothingTheSecondTime() {
    recordMany("ana", 3);
    store.claim(new UserId("ana"), aClaim("key-1", WorkoutTestData.aWorkoutId()), EU);
    assertThat(store.eraseAll(new UserId("ana"), EU)).isEqualTo(4);

    int again = store.eraseAll(new UserId("ana"), EU);

    assertThat(again).isZero();
    assertThat(store.eraseAll(new UserId("nobody"), EU)).isZero();
  }

  @Test
  void eraseAll_ofAUserHomedElsewhere_isRefused_andDeletesNothing() {
    List<Workout> anas = recordMany("ana", 2);

    assertThatThrownBy(() -> store.eraseAll(new UserId("ana"), RegionId.of("us")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.WRONG_REGION.uri()));
    assertThat(itemsInPartition("ana")).isEqualTo(2);
    assertThat(store.load(new UserId("ana"), anas.get(0).id(), EU)).contains(anas.get(0));
  }

  private List<Workout> recordMany(String user, int count) {
    List<Workout> recorded = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Workout workout =
          aWorkout()
              .of(user)
              .withId(WorkoutTestData.aWorkoutId())
              .minimal()
              .startingAt(DAY1.minus(Duration.ofDays(i)))
              .lasting(1200)
              .build();
      store.create(workout, anEvent(user), EU);
      recorded.add(workout);
    }
    return recorded;
  }

  private static Claim aClaim(String key, WorkoutId workoutId) {
    return new Claim(key, "fp", workoutId, NOW.plusSeconds(3600));
  }

  /** Every item in the user's partition, workouts, markers and claims alike, read consistently. */
  private int itemsInPartition(String user) {
    return client
        .query(
            r ->
                r.tableName(table)
                    .keyConditionExpression("userId = :u")
                    .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user)))
                    .consistentRead(true))
        .count();
  }

  private void recordOn(Instant start, Sport sport) {
    store.create(
        aWorkout()
            .of("ana")
            .withId(WorkoutTestData.aWorkoutId())
            .withSport(sport)
            .minimal()
            .startingAt(start)
            .lasting(1200)
            .build(),
        anEvent("ana"),
        EU);
  }

  private Page<Workout> history(String user, int limit) {
    return store.history(new UserId(user), query(limit, Optional.empty()), EU);
  }

  private static HistoryQuery query(int limit, Optional<String> cursor) {
    return new HistoryQuery(limit, cursor, Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static List<String> starts(Page<Workout> page) {
    return page.items().stream().map(w -> w.draft().startTime().toString()).toList();
  }
}
