package app.stride.planner.aws.adapter.out.dynamodb;

import static app.stride.planner.PlannerTestData.aPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.planner.domain.MyPlan;
import app.stride.planner.domain.SessionId;
import app.stride.planner.domain.SessionLog;
import app.stride.planner.domain.UserId;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoMyPlanStoreIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final RegionId EU = RegionId.of("eu");
  private static final RegionId US = RegionId.of("us");
  private static final Instant NOW = Instant.parse("2030-03-06T07:00:00Z");

  private DynamoMyPlanStore store;

  @BeforeEach
  void freshTable() {
    DynamoDbClient client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    store =
        new DynamoMyPlanStore(
            DynamoDbClients.enhanced(client), UniqueNames.uniqueName("stride-planner-eu"), EU);
    LocalTables.createIfMissing(store.table(), client);
  }

  @Test
  void create_thenLoad_returnsTheSamePlan_withPausesAndLogs() {
    MyPlan plan =
        aPlan()
            .forRaceOn(LocalDate.of(2030, 3, 31))
            .pausedFrom(LocalDate.of(2030, 3, 5), LocalDate.of(2030, 3, 6))
            .withLog(
                "w01-s1",
                new SessionLog(
                    SessionLog.Status.DONE,
                    LocalDate.of(2030, 3, 5),
                    "w_01j9zq3v8t6x4n2kbc5d7e9f0g",
                    NOW))
            .pausedFrom(LocalDate.of(2030, 3, 8), null)
            .build();

    store.create(plan, EU);

    assertThat(store.load(plan.userId(), plan.id(), EU)).contains(plan);
  }

  @Test
  void create_twice_isAConflict() {
    MyPlan plan = aPlan().build();
    store.create(plan, EU);

    assertThatThrownBy(() -> store.create(plan, EU)).isInstanceOf(VersionConflictException.class);
  }

  @Test
  void replace_onTheVersionRead_writes_andOnAStaleOne_loses() {
    MyPlan plan = aPlan().build();
    store.create(plan, EU);
    MyPlan paused = plan.pause(LocalDate.of(2030, 3, 6), NOW);

    store.replace(paused, 1, EU);

    assertThat(store.load(plan.userId(), plan.id(), EU)).contains(paused);
    MyPlan stale = plan.withoutLog(new SessionId(1, 1), NOW);
    assertThatThrownBy(() -> store.replace(stale, 1, EU))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.load(plan.userId(), plan.id(), EU)).contains(paused);
  }

  @Test
  void replace_ofAMissingPlan_loses() {
    MyPlan plan = aPlan().build();

    assertThatThrownBy(() -> store.replace(plan.abandon(NOW), 1, EU))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void list_returnsOnlyTheUsersPlans_oldestFirst_andEraseAllRemovesThem() {
    MyPlan first = aPlan().withId("mp_01jb0000000000000000000001").build();
    MyPlan second = aPlan().withId("mp_01jb0000000000000000000002").build();
    MyPlan bobs = aPlan().withId("mp_01jb0000000000000000000003").of("bob").build();
    store.create(second, EU);
    store.create(first, EU);
    store.create(bobs, EU);

    assertThat(store.list(new UserId("ana"), EU)).containsExactly(first, second);

    assertThat(store.eraseAll(new UserId("ana"), EU)).isEqualTo(2);
    assertThat(store.list(new UserId("ana"), EU)).isEmpty();
    assertThat(store.list(new UserId("bob"), EU)).containsExactly(bobs);
    assertThat(store.eraseAll(new UserId("ana"), EU)).isZero();
  }

  @Test
  void aUserOfAnotherRegion_isRefused() {
    MyPlan plan = aPlan().build();

    assertThatThrownBy(() -> store.create(plan, US)).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> store.list(plan.userId(), US)).isInstanceOf(ProblemException.class);
    assertThat(store.list(plan.userId(), EU)).isEmpty();
  }
}
