package app.stride.planner.gcp.adapter.out.firestore;

import static app.stride.planner.PlannerTestData.aPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.planner.domain.MyPlan;
import app.stride.planner.domain.SessionId;
import app.stride.planner.domain.SessionLog;
import app.stride.planner.domain.UserId;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.firestore.Firestore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FirestoreMyPlanStoreIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final RegionId APAC = RegionId.of("apac");
  private static final Instant NOW = Instant.parse("2030-03-06T07:00:00Z");

  private static Firestore firestore;
  private static FirestoreMyPlanStore store;

  @BeforeAll
  static void connect() {
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));
    store = new FirestoreMyPlanStore(firestore, APAC);
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
  }

  private static String freshUser() {
    return "u-" + UUID.randomUUID();
  }

  @Test
  void create_thenLoad_returnsTheSamePlan_withPausesAndLogs() {
    MyPlan plan =
        aPlan()
            .of(freshUser())
            .forRaceOn(LocalDate.of(2030, 3, 31))
            .pausedFrom(LocalDate.of(2030, 3, 5), LocalDate.of(2030, 3, 6))
            .withLog(
                "w01-s1",
                new SessionLog(
                    SessionLog.Status.DONE,
                    LocalDate.of(2030, 3, 5),
                    "w_01j9zq3v8t6x4n2kbc5d7e9f0g",
                    NOW))
            .withLog(
                "w01-s3",
                new SessionLog(SessionLog.Status.MOVED, LocalDate.of(2030, 3, 9), null, NOW))
            .pausedFrom(LocalDate.of(2030, 3, 8), null)
            .build();

    store.create(plan, APAC);

    assertThat(store.load(plan.userId(), plan.id(), APAC)).contains(plan);
  }

  @Test
  void create_twice_isAConflict() {
    MyPlan plan = aPlan().of(freshUser()).build();
    store.create(plan, APAC);

    assertThatThrownBy(() -> store.create(plan, APAC)).isInstanceOf(VersionConflictException.class);
  }

  @Test
  void replace_onTheVersionRead_writes_andOnAStaleOne_loses() {
    MyPlan plan = aPlan().of(freshUser()).build();
    store.create(plan, APAC);
    MyPlan paused = plan.pause(LocalDate.of(2030, 3, 6), NOW);

    store.replace(paused, 1, APAC);

    assertThat(store.load(plan.userId(), plan.id(), APAC)).contains(paused);
    assertThatThrownBy(() -> store.replace(plan.withoutLog(new SessionId(1, 1), NOW), 1, APAC))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.load(plan.userId(), plan.id(), APAC)).contains(paused);
  }

  @Test
  void list_returnsOnlyTheUsersPlans_oldestFirst_andEraseAllRemovesThem() {
    String ana = freshUser();
    String bob = freshUser();
    MyPlan first = aPlan().of(ana).withId("mp_01jb0000000000000000000001").build();
    MyPlan second = aPlan().of(ana).withId("mp_01jb0000000000000000000002").build();
    MyPlan bobs = aPlan().of(bob).withId("mp_01jb0000000000000000000003").build();
    store.create(second, APAC);
    store.create(first, APAC);
    store.create(bobs, APAC);

    assertThat(store.list(new UserId(ana), APAC)).containsExactly(first, second);

    assertThat(store.eraseAll(new UserId(ana), APAC)).isEqualTo(2);
    assertThat(store.list(new UserId(ana), APAC)).isEmpty();
    assertThat(store.list(new UserId(bob), APAC)).containsExactly(bobs);
  }

  @Test
  void aUserOfAnotherRegion_isRefused() {
    MyPlan plan = aPlan().of(freshUser()).build();

    assertThatThrownBy(() -> store.create(plan, RegionId.of("eu")))
        .isInstanceOf(ProblemException.class);
    assertThat(store.list(plan.userId(), APAC)).isEmpty();
  }

  @Test
  void workouts_areReadByTheOwnersPath_only() throws Exception {
    String ana = freshUser();
    String run = "w_01j9zq3v8t6x4n2kbc5d7e9f0g";
    firestore
        .collection("users")
        .document(ana)
        .collection("workouts")
        .document(run)
        .set(
            Map.of(
                "sport",
                "running",
                "startTime",
                "2030-03-05T06:00:00Z",
                "durationSeconds",
                1800L,
                "distanceMeters",
                5200.0,
                "version",
                1L))
        .get();
    FirestoreWorkoutSummaries workouts = new FirestoreWorkoutSummaries(firestore, APAC);

    assertThat(workouts.load(new UserId(ana), run, APAC))
        .hasValueSatisfying(
            w -> {
              assertThat(w.sport()).isEqualTo("running");
              assertThat(w.startTime()).isEqualTo(Instant.parse("2030-03-05T06:00:00Z"));
              assertThat(w.durationSeconds()).isEqualTo(1800);
            });
    assertThat(workouts.load(new UserId(freshUser()), run, APAC)).isEmpty();
    assertThatThrownBy(() -> workouts.load(new UserId(ana), run, RegionId.of("eu")))
        .isInstanceOf(ProblemException.class);
  }
}
