package app.stride.workouts;

import static app.stride.workouts.WorkoutTestData.aWorkout;
import static app.stride.workouts.WorkoutTestData.aWorkoutId;
import static app.stride.workouts.WorkoutTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.workouts.application.port.in.EraseUserDataUseCase.Erasure;
import app.stride.workouts.application.port.out.IdempotencyPort.Claim;
import app.stride.workouts.application.service.UserDataEraser;
import app.stride.workouts.domain.UserId;
import app.stride.workouts.domain.Workout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the workouts eraser removes for a deleted account, and what it never touches. */
class UserDataEraserTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final RegionId US = RegionId.of("us");
  private static final UserId ANNA = new UserId("usr_1");
  // Shares ANNA's id as a prefix: a careless prefix match would take his data too.
  private static final UserId BEN = new UserId("usr_10");
  private static final Instant START = Instant.parse("2026-03-01T06:00:00Z");

  private final InMemoryWorkoutStore store = new InMemoryWorkoutStore(EU);
  private final UserDataEraser eraser = new UserDataEraser(store, EU);

  @Test
  void erase_removesTheUsersWorkoutsMarkersClaimsAndPendingEvents_only() {
    holdDataOf(ANNA);
    List<Workout> bens = holdDataOf(BEN);

    Erasure erasure = eraser.erase("ev-1", ANNA, EU);

    assertThat(erasure).isEqualTo(Erasure.ERASED);
    assertThat(store.workouts.values()).extracting(Workout::userId).containsOnly(BEN);
    assertThat(store.workouts.values()).containsExactlyInAnyOrderElementsOf(bens);
    assertThat(store.claims).containsOnlyKeys(BEN + "/key-1", BEN + "/key-2");
    assertThat(store.pending(100, EU))
        .hasSize(4)
        .allSatisfy(p -> assertThat(p.userId()).isEqualTo(BEN));
  }

  @Test
  void erase_twice_findsNothingTheSecondTime() {
    holdDataOf(ANNA);
    eraser.erase("ev-1", ANNA, EU);

    Erasure again = eraser.erase("ev-1", ANNA, EU);

    assertThat(again).isEqualTo(Erasure.NOTHING_HELD);
  }

  @Test
  void erase_ofAUserWithOnlyAClaim_erasesIt() {
    store.claim(ANNA, new Claim("key-1", "fp", aWorkoutId(), START), EU);

    assertThat(eraser.erase("ev-1", ANNA, EU)).isEqualTo(Erasure.ERASED);
    assertThat(store.claims).isEmpty();
  }

  @Test
  void erase_ofAUserWhoNeverRecorded_holdsNothing_andLeavesOthersAlone() {
    holdDataOf(BEN);

    assertThat(eraser.erase("ev-1", ANNA, EU)).isEqualTo(Erasure.NOTHING_HELD);
    assertThat(store.workouts).hasSize(2);
    assertThat(store.claims).hasSize(2);
  }

  @Test
  void erase_ofAUserHomedElsewhere_doesNotTouchTheStore() {
    holdDataOf(ANNA);
    List<UserId> asked = new ArrayList<>();
    UserDataEraser guarded =
        new UserDataEraser(
            (user, home) -> {
              asked.add(user);
              return store.eraseAll(user, home);
            },
            EU);

    Erasure erasure = guarded.erase("ev-1", ANNA, US);

    assertThat(erasure).isEqualTo(Erasure.NOT_THIS_REGION);
    assertThat(asked).isEmpty();
    assertThat(store.workouts).hasSize(2);
    assertThat(store.claims).hasSize(2);
    assertThat(store.pendingCount()).isEqualTo(4);
  }

  @Test
  void erase_whenTheStoreFails_propagates_soTheMessageIsRedelivered() {
    StoreUnavailableException down =
        new StoreUnavailableException("data store", new java.io.IOException("refused"));
    UserDataEraser failing =
        new UserDataEraser(
            (user, home) -> {
              throw down;
            },
            EU);

    assertThatThrownBy(() -> failing.erase("ev-1", ANNA, EU)).isSameAs(down);
  }

  /**
   * Three workouts recorded, each with its recorded event pending, then one of them deleted with
   * its deleted event pending too (a delete marker): two workouts, four pending events; and two
   * idempotency claims. Returns the live workouts.
   */
  private List<Workout> holdDataOf(UserId user) {
    List<Workout> live = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Workout workout =
          aWorkout()
              .of(user.value())
              .withId(aWorkoutId())
              .startingAt(START.plusSeconds(86_400L * i))
              .build();
      store.create(workout, anEvent(user.value()), EU);
      live.add(workout);
    }
    Workout gone = live.remove(0);
    store.delete(user, gone.id(), gone.version(), anEvent(user.value()), EU);
    store.claim(user, new Claim("key-1", "fp-1", live.get(0).id(), START), EU);
    store.claim(user, new Claim("key-2", "fp-2", live.get(1).id(), START), EU);
    return live;
  }
}
