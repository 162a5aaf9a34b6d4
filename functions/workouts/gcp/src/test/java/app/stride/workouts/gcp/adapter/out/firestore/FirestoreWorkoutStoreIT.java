package app.stride.workouts.gcp.adapter.out.firestore;

import static app.stride.workouts.WorkoutTestData.aWorkout;
import static app.stride.workouts.WorkoutTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.event.OutboundEvent;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.Page;
import app.stride.core.store.VersionConflictException;
import app.stride.gcp.firestore.CollectionEraser;
import app.stride.gcp.firestore.CursorCodec;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.testkit.junit.FirestoreExtension;
import app.stride.workouts.WorkoutTestData;
import app.stride.workouts.application.port.out.HistoryQuery;
import app.stride.workouts.application.port.out.IdempotencyPort.Claim;
import app.stride.workouts.domain.Sport;
import app.stride.workouts.domain.UnitSystem;
import app.stride.workouts.domain.UserId;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutId;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link FirestoreWorkoutStore} and {@link FirestoreUnitPreferences} against the Firestore
 * emulator: layout, conditional writes, outbox, history cursors, claims, residency.
 */
class FirestoreWorkoutStoreIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final RegionId APAC = RegionId.of("apac");
  private static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");
  private static final Instant DAY1 = Instant.parse("2026-03-01T06:00:00Z");

  private static Firestore firestore;
  private static FirestoreWorkoutStore store;

  @BeforeAll
  static void connect() {
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));
    store =
        new FirestoreWorkoutStore(
            firestore, new CursorCodec(new byte[32]), APAC, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
  }

  private static String freshUser() {
    return "u-" + UUID.randomUUID();
  }

  @Test
  void create_thenLoad_returnsTheWorkout_atThePlannersDocumentPath() throws Exception {
    String user = freshUser();
    Workout workout = aWorkout().of(user).build();

    store.create(workout, anEvent(user), APAC);

    assertThat(store.load(workout.userId(), workout.id(), APAC)).contains(workout);
    DocumentSnapshot raw =
        firestore.document("users/" + user + "/workouts/" + workout.id()).get().get();
    assertThat(raw.getString("sport")).isEqualTo("running");
    assertThat(raw.getString("startTime")).isEqualTo("2026-03-14T06:30:00Z");
    assertThat(raw.getLong("durationSeconds")).isEqualTo(5400L);
    assertThat(raw.getDouble("distanceMeters")).isEqualTo(18000.0);
    assertThat(raw.getLong("version")).isEqualTo(1L);
  }

  @Test
  void replace_atTheReadVersion_writes_andAStaleVersionConflicts() {
    String user = freshUser();
    Workout workout = aWorkout().of(user).build();
    store.create(workout, anEvent(user), APAC);
    Workout next = workout.revise(aWorkout().of(user).minimal().draft(), NOW);

    store.replace(next, 1, anEvent(user), APAC);

    assertThat(store.load(workout.userId(), workout.id(), APAC)).contains(next);
    assertThatThrownBy(() -> store.replace(next, 1, anEvent(user), APAC))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> store.create(workout, anEvent(user), APAC))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void delete_leavesAMarkerWithThePendingEvent_removedWhenPublished() throws Exception {
    String user = freshUser();
    Workout workout = aWorkout().of(user).build();
    OutboundEvent recorded = anEvent(user);
    store.create(workout, recorded, APAC);
    store.markPublished(workout.userId(), workout.id(), recorded.id(), APAC);
    OutboundEvent deleted = anEvent(user);

    store.delete(workout.userId(), workout.id(), 1, deleted, APAC);

    assertThat(store.load(workout.userId(), workout.id(), APAC)).isEmpty();
    assertThat(history(user, 10).items()).isEmpty();
    assertThat(store.pending(100, APAC)).extracting(p -> p.event().id()).contains(deleted.id());
    store.markPublished(workout.userId(), workout.id(), deleted.id(), APAC);
    assertThat(
            firestore.document("users/" + user + "/workouts/" + workout.id()).get().get().exists())
        .isFalse();
    assertThat(store.pending(100, APAC))
        .extracting(p -> p.event().id())
        .doesNotContain(deleted.id());
  }

  @Test
  void history_isNewestFirst_pagesByCursor_stableUnderInserts_andFilters() {
    String user = freshUser();
    for (int day = 0; day < 5; day++) {
      recordOn(user, DAY1.plus(Duration.ofDays(day)), day % 2 == 0 ? Sport.YOGA : Sport.CYCLING);
    }

    Page<Workout> first = history(user, 2);
    recordOn(user, DAY1.plus(Duration.ofDays(10)), Sport.YOGA);
    Page<Workout> second = store.history(new UserId(user), query(2, first.nextCursor()), APAC);
    Page<Workout> yoga =
        store.history(
            new UserId(user),
            new HistoryQuery(
                10,
                Optional.empty(),
                Optional.of(Sport.YOGA),
                Optional.of(DAY1),
                Optional.of(Instant.parse("2026-03-05T06:00:00Z"))),
            APAC);

    assertThat(starts(first)).containsExactly("2026-03-05T06:00:00Z", "2026-03-04T06:00:00Z");
    assertThat(starts(second)).containsExactly("2026-03-03T06:00:00Z", "2026-03-02T06:00:00Z");
    assertThat(starts(yoga)).containsExactly("2026-03-03T06:00:00Z", "2026-03-01T06:00:00Z");
  }

  @Test
  void history_refusesAnAlteredCursor_orOneOfAnotherUser() {
    String user = freshUser();
    for (int day = 0; day < 3; day++) {
      recordOn(user, DAY1.plus(Duration.ofDays(day)), Sport.YOGA);
    }
    String cursor = history(user, 1).nextCursor().orElseThrow();

    for (Runnable call :
        List.<Runnable>of(
            () -> store.history(new UserId(user), query(1, Optional.of("x" + cursor)), APAC),
            () -> store.history(new UserId(freshUser()), query(1, Optional.of(cursor)), APAC))) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.problem().type()).isEqualTo(ProblemType.VALIDATION_FAILED.uri()));
    }
  }

  @Test
  void startingBetween_findsNeighboursForTheOverlapCheck() {
    String user = freshUser();
    recordOn(user, Instant.parse("2026-03-01T06:00:00Z"), Sport.YOGA);
    recordOn(user, Instant.parse("2026-03-01T09:00:00Z"), Sport.YOGA);

    assertThat(
            store.startingBetween(
                new UserId(user),
                Instant.parse("2026-03-01T05:00:00Z"),
                Instant.parse("2026-03-01T09:00:00Z"),
                APAC))
        .extracting(w -> w.draft().startTime().toString())
        .containsExactly("2026-03-01T06:00:00Z");
  }

  @Test
  void claim_firstWins_laterClaimsSeeIt_andAnExpiredClaimIsReplaced() {
    UserId user = new UserId(freshUser());
    WorkoutId first = WorkoutTestData.aWorkoutId();

    assertThat(
            store.claim(user, new Claim("key-00000001", "fp-1", first, NOW.plusSeconds(60)), APAC))
        .isEmpty();
    assertThat(
            store.claim(
                user,
                new Claim(
                    "key-00000001", "fp-2", WorkoutTestData.aWorkoutId(), NOW.plusSeconds(60)),
                APAC))
        .hasValueSatisfying(c -> assertThat(c.workoutId()).isEqualTo(first));
    store.claim(user, new Claim("key-00000002", "fp-1", first, NOW.minusSeconds(1)), APAC);
    assertThat(
            store.claim(user, new Claim("key-00000002", "fp-3", first, NOW.plusSeconds(60)), APAC))
        .isEmpty();
  }

  @Test
  void unitPreferences_readTheProfilesUnits_metricWhenAbsentOrDeleted() throws Exception {
    FirestoreUnitPreferences units = new FirestoreUnitPreferences(firestore, APAC);
    String imperial = freshUser();
    String deleted = freshUser();
    firestore
        .collection("profiles")
        .document(imperial)
        .set(Map.of("displayName", "Al", "preferences", Map.of("units", "IMPERIAL")))
        .get();
    firestore.collection("profiles").document(deleted).set(Map.of("deleted", true)).get();

    assertThat(units.unitsOf(new UserId(imperial), APAC)).isEqualTo(UnitSystem.IMPERIAL);
    assertThat(units.unitsOf(new UserId(deleted), APAC)).isEqualTo(UnitSystem.METRIC);
    assertThat(units.unitsOf(new UserId(freshUser()), APAC)).isEqualTo(UnitSystem.METRIC);
  }

  @Test
  void everyMethod_refusesAUserHomedElsewhere() {
    Workout workout = aWorkout().build();

    assertThatThrownBy(() -> store.create(workout, anEvent("x"), RegionId.of("eu")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.WRONG_REGION.uri()));
    assertThatThrownBy(
            () -> store.history(workout.userId(), query(1, Optional.empty()), RegionId.of("eu")))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void eraseAll_removesTheUsersWorkoutsMarkersAndClaims_pageByPage_andNothingElse()
      throws Exception {
    String user = freshUser();
    int workouts = CollectionEraser.PAGE + 20;
    List<Workout> recorded = recordMany(user, workouts);
    Workout deleted = recorded.get(0);
    store.delete(deleted.userId(), deleted.id(), 1, anEvent(user), APAC);
    for (int i = 1; i <= 3; i++) {
      store.claim(new UserId(user), aClaim("key-" + i, recorded.get(i).id()), APAC);
    }
    // Other capabilities' data under the same user, and another user's workouts and claim.
    firestore.document("users/" + user + "/plans/mp_1").set(Map.of("userId", user)).get();
    firestore.document("profiles/" + user).set(Map.of("displayName", "Ana")).get();
    String other = freshUser();
    List<Workout> others = recordMany(other, 2);
    store.claim(new UserId(other), aClaim("key-1", others.get(0).id()), APAC);

    int erased = store.eraseAll(new UserId(user), APAC);

    assertThat(erased).isEqualTo(workouts + 3);
    assertThat(documentsIn("users/" + user + "/workouts")).isZero();
    assertThat(documentsIn("users/" + user + "/workoutIdempotency")).isZero();
    assertThat(store.pending(10_000, APAC))
        .extracting(p -> p.userId().value())
        .doesNotContain(user)
        .contains(other);
    assertThat(firestore.document("users/" + user + "/plans/mp_1").get().get().exists()).isTrue();
    assertThat(firestore.document("profiles/" + user).get().get().exists()).isTrue();
    assertThat(history(other, 10).items()).containsExactlyInAnyOrderElementsOf(others);
    assertThat(documentsIn("users/" + other + "/workoutIdempotency")).isEqualTo(1);
  }

  @Test
  void eraseAll_twice_findsNothingTheSecondTime() {
    String user = freshUser();
    recordMany(user, 3);
    store.claim(new UserId(user), aClaim("key-1", WorkoutTestData.aWorkoutId()), APAC);
    assertThat(store.eraseAll(new UserId(user), APAC)).isEqualTo(4);

    int again = store.eraseAll(new UserId(user), APAC);

    assertThat(again).isZero();
    assertThat(store.eraseAll(new UserId(freshUser()), APAC)).isZero();
  }

  @Test
  void eraseAll_ofAUserHomedElsewhere_isRefused_andDeletesNothing() throws Exception {
    String user = freshUser();
    List<Workout> recorded = recordMany(user, 2);

    assertThatThrownBy(() -> store.eraseAll(new UserId(user), RegionId.of("eu")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.WRONG_REGION.uri()));
    assertThat(documentsIn("users/" + user + "/workouts")).isEqualTo(2);
    assertThat(store.load(new UserId(user), recorded.get(0).id(), APAC)).contains(recorded.get(0));
  }

  private static List<Workout> recordMany(String user, int count) {
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
      store.create(workout, anEvent(user), APAC);
      recorded.add(workout);
    }
    return recorded;
  }

  private static Claim aClaim(String key, WorkoutId workoutId) {
    return new Claim(key, "fp", workoutId, NOW.plusSeconds(3600));
  }

  private static int documentsIn(String collection) throws Exception {
    return firestore.collection(collection).get().get().size();
  }

  private static void recordOn(String user, Instant start, Sport sport) {
    store.create(
        aWorkout()
            .of(user)
            .withId(WorkoutTestData.aWorkoutId())
            .withSport(sport)
            .minimal()
            .startingAt(start)
            .lasting(1200)
            .build(),
        anEvent(user),
        APAC);
  }

  private static Page<Workout> history(String user, int limit) {
    return store.history(new UserId(user), query(limit, Optional.empty()), APAC);
  }

  private static HistoryQuery query(int limit, Optional<String> cursor) {
    return new HistoryQuery(limit, cursor, Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static List<String> starts(Page<Workout> page) {
    return page.items().stream().map(w -> w.draft().startTime().toString()).toList();
  }
}
