package app.stride.devices.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.devices.application.service.UserDataEraser.Erasure;
import app.stride.devices.application.service.UserDataEraser.Status;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the devices eraser removes for a deleted account, and what it never touches. */
class UserDataEraserTest {
  private static final RegionId EU = ErasureScene.EU;
  private static final UserId ANNA = new UserId("usr_1");
  // Shares ANNA's id as a prefix: a careless prefix delete would take her data too.
  private static final UserId BEN = new UserId("usr_10");
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  private final ErasureScene scene = new ErasureScene(Clock.fixed(NOW, ZoneOffset.UTC));
  private final MemoryStores stores = scene.stores;
  private final MemoryConnections connectionStore = scene.connectionStore;
  private final List<String> queued = scene.queued;
  private final MemoryErasedAccounts erased = scene.erased;
  private final UserDataEraser eraser = scene.eraser;

  @Test
  void erase_removesConnectionsImportsActivitiesAndObjects_ofThatUserOnly() {
    holdDataOf(ANNA);
    holdDataOf(BEN);

    Erasure erasure = eraser.erase("ev-1", ANNA, EU);

    assertThat(erasure).isEqualTo(new Erasure(Status.ERASED, 2, 1, 2, 4));
    assertThat(connectionStore.list(ANNA, EU)).isEmpty();
    assertThat(stores.activities.values()).allMatch(a -> a.userId().equals(BEN)).hasSize(2);
    assertThat(stores.jobs.values()).allMatch(j -> j.userId().equals(BEN)).hasSize(1);
    assertThat(stores.objects.keySet())
        .containsExactlyInAnyOrder(
            "originals/usr_10/i1",
            "originals/usr_10/strava/abc",
            "samples/usr_10/a1/s_1",
            "samples/usr_10/a2");
    assertThat(connectionStore.list(BEN, EU)).hasSize(2);
  }

  @Test
  void erase_marksTheUserErased_beforeRemovingAnything_for15Days() {
    holdDataOf(ANNA);
    List<String> heldAtMark = new ArrayList<>();
    erased.onMark =
        () -> {
          heldAtMark.add("connections=" + connectionStore.list(ANNA, EU).size());
          heldAtMark.add("activities=" + stores.activities.size());
          heldAtMark.add("imports=" + stores.jobs.size());
          heldAtMark.add("objects=" + stores.objects.size());
          heldAtMark.add("revocations=" + queued.size());
        };

    eraser.erase("ev-1", ANNA, EU);

    assertThat(heldAtMark)
        .containsExactly(
            "connections=2", "activities=2", "imports=1", "objects=4", "revocations=0");
    assertThat(erased.markers).containsOnlyKeys(ANNA);
    assertThat(erased.markers.get(ANNA)).isEqualTo(NOW.plus(Duration.ofDays(15)));
  }

  @Test
  void erase_whenTheMarkFails_fails_andRemovesNothing() {
    holdDataOf(ANNA);
    erased.onMark =
        () -> {
          throw new StoreUnavailableException("markers down", null);
        };

    assertThatThrownBy(() -> eraser.erase("ev-1", ANNA, EU))
        .isInstanceOf(StoreUnavailableException.class);

    assertThat(connectionStore.list(ANNA, EU)).hasSize(2);
    assertThat(stores.activities).hasSize(2);
    assertThat(stores.jobs).hasSize(1);
    assertThat(stores.objects).hasSize(4);
    assertThat(queued).isEmpty();
  }

  @Test
  void erase_twice_marksAgain_andTheUserStaysErased() {
    eraser.erase("ev-1", ANNA, EU);

    eraser.erase("ev-1", ANNA, EU);

    assertThat(erased.markers).containsOnlyKeys(ANNA);
  }

  @Test
  void erase_asksEachProviderThatCanTakeItsGrantBack_toDoSo() {
    holdDataOf(ANNA);

    eraser.erase("ev-1", ANNA, EU);

    // Strava has a deauthorization endpoint; Suunto has none, so only its tokens are deleted.
    assertThat(queued).hasSize(1);
    assertThat(queued.get(0)).contains("\"provider\":\"strava\"").contains("usr_1");
  }

  @Test
  void erase_twice_changesNothingTheSecondTime() {
    holdDataOf(ANNA);
    eraser.erase("ev-1", ANNA, EU);

    Erasure again = eraser.erase("ev-1", ANNA, EU);

    assertThat(again).isEqualTo(new Erasure(Status.NOTHING_HELD, 0, 0, 0, 0));
    assertThat(queued).hasSize(1);
  }

  @Test
  void erase_ofAUserHomedElsewhere_readsAndRemovesNothing() {
    holdDataOf(ANNA);

    Erasure erasure = eraser.erase("ev-1", ANNA, new RegionId("us"));

    assertThat(erasure.status()).isEqualTo(Status.NOT_THIS_REGION);
    assertThat(stores.activities).hasSize(2);
    assertThat(stores.objects).hasSize(4);
    assertThat(connectionStore.list(ANNA, EU)).hasSize(2);
    assertThat(erased.markers).isEmpty();
  }

  @Test
  void erase_whenTheQueueIsDown_fails_beforeRemovingTheConnectionItCouldNotRevoke() {
    holdDataOf(ANNA);
    scene.queueDown = true;

    assertThatThrownBy(() -> eraser.erase("ev-1", ANNA, EU))
        .isInstanceOf(StoreUnavailableException.class);

    // The redelivery starts over: the Strava grant is still there to revoke, nothing else went.
    assertThat(connectionStore.find(ANNA, Provider.STRAVA, EU)).isPresent();
    assertThat(stores.activities).hasSize(2);
    scene.queueDown = false;
    assertThat(eraser.erase("ev-1", ANNA, EU).status()).isEqualTo(Status.ERASED);
    assertThat(connectionStore.list(ANNA, EU)).isEmpty();
    assertThat(stores.activities).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"samples/usr_1", "samples/", "/", "", "/usr_1/", "samples//", "samples//usr_1/"})
  void deleteUnder_refusesAnythingButAnOwnersFolder_andRemovesNothing(String prefix) {
    holdDataOf(ANNA);

    assertThatThrownBy(() -> stores.deleteUnder(prefix))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(stores.objects).hasSize(4);
  }

  @Test
  void deleteUnder_ofAnOwnersFolder_removesOnlyWhatIsUnderIt() {
    holdDataOf(ANNA);
    holdDataOf(BEN);

    assertThat(stores.deleteUnder("samples/usr_1/")).isEqualTo(2);
    assertThat(stores.objects).hasSize(6).doesNotContainKey("samples/usr_1/a2");
  }

  private void holdDataOf(UserId user) {
    scene.connect(user, Provider.STRAVA);
    scene.connect(user, Provider.SUUNTO);
    Random random = new Random(user.value().hashCode());
    for (int i = 0; i < 2; i++) {
      Activity activity =
          HistoryTestData.anActivity(
              user, NOW.minus(Duration.ofDays(i + 1)), Duration.ofMinutes(40), 8000.0);
      stores.activities.put(user + "/" + activity.id(), activity);
    }
    ImportJob job =
        ImportJob.received(
            ImportId.next(NOW, random),
            user,
            Provider.GARMIN,
            "fit",
            "originals/" + user + "/i1",
            "0".repeat(64),
            NOW);
    stores.jobs.put(user + "/" + job.id(), job);
    stores.put("originals/" + user + "/i1", new byte[] {1}, "application/fit");
    stores.put("originals/" + user + "/strava/abc", new byte[] {2}, "application/json");
    stores.put("samples/" + user + "/a1/s_1", new byte[] {3}, "application/json");
    stores.put("samples/" + user + "/a2", new byte[] {4}, "application/json");
  }
}
