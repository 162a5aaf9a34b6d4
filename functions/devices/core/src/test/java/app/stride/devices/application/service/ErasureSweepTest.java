package app.stride.devices.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.trigger.ScheduledTick;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The follow-up sweep: what lands after an erasure is removed by the next ticks. */
class ErasureSweepTest {
  private static final RegionId EU = ErasureScene.EU;
  private static final UserId ANNA = new UserId("usr_1");
  private static final UserId BEN = new UserId("usr_2");
  private static final UserId CARL = new UserId("usr_3");
  private static final Instant NOW = Instant.parse("2026-11-27T21:00:00Z");
  private static final ScheduledTick TICK =
      new ScheduledTick("tick-1", "devices-erasure-sweep", NOW);

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final ErasureScene scene = new ErasureScene(clock);
  private final MemoryStores stores = scene.stores;
  private final MemoryConnections connectionStore = scene.connectionStore;
  private final MemoryErasedAccounts erased = scene.erased;
  private final UserDataEraser eraser = scene.eraser;
  private final ErasureSweep sweep = new ErasureSweep(erased, eraser, clock);

  @Test
  void aTick_removesWhatLandedAfterTheErasure_andLeavesOthersAlone() {
    eraser.erase("ev-1", ANNA, EU);
    // An upload URL signed before the erasure puts its object after the eraser listed the folder.
    stores.put("originals/usr_1/up_late", new byte[] {1}, "application/fit");
    stores.put("originals/usr_2/up_1", new byte[] {2}, "application/fit");

    sweep.accept(TICK);

    assertThat(stores.objects.keySet()).containsExactly("originals/usr_2/up_1");
  }

  @Test
  void aTick_revokesAConnectionThatLandedAfterTheErasure() {
    eraser.erase("ev-1", ANNA, EU);
    scene.connect(ANNA, Provider.STRAVA);

    sweep.accept(TICK);

    assertThat(connectionStore.list(ANNA, EU)).isEmpty();
    assertThat(scene.queued).singleElement().asString().contains("\"provider\":\"strava\"");
  }

  @Test
  void aTick_looksBackOneHour_andNoFurther() {
    marked(ANNA, NOW.minus(ErasureSweep.WINDOW));
    marked(BEN, NOW.minus(ErasureSweep.WINDOW).minusSeconds(1));
    stores.put("samples/usr_1/a1", new byte[] {1}, "application/json");
    stores.put("samples/usr_2/a1", new byte[] {2}, "application/json");

    sweep.accept(TICK);

    assertThat(stores.objects.keySet()).containsExactly("samples/usr_2/a1");
  }

  @Test
  void aFailingAccount_doesNotStopTheOthers_andTheTickFailsAfterwards() {
    marked(ANNA, NOW.minus(Duration.ofMinutes(20)));
    marked(BEN, NOW.minus(Duration.ofMinutes(10)));
    marked(CARL, NOW.minus(Duration.ofMinutes(5)));
    // Anna's and Carl's sweeps must queue a revocation first: with the queue down they fail.
    scene.connect(ANNA, Provider.STRAVA);
    scene.connect(CARL, Provider.STRAVA);
    stores.put("originals/usr_1/up_1", new byte[] {1}, "application/fit");
    stores.put("originals/usr_2/up_1", new byte[] {2}, "application/fit");
    scene.queueDown = true;

    assertThatThrownBy(() -> sweep.accept(TICK))
        .isInstanceOf(StoreUnavailableException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));

    // Ben's leftover is gone; Anna's stays for the next tick, which then removes it.
    assertThat(stores.objects.keySet()).containsExactly("originals/usr_1/up_1");
    scene.queueDown = false;
    sweep.accept(TICK);
    assertThat(stores.objects).isEmpty();
    assertThat(connectionStore.list(ANNA, EU)).isEmpty();
    assertThat(connectionStore.list(CARL, EU)).isEmpty();
  }

  @Test
  void aTick_withNoErasures_sweepsNothing() {
    stores.put("originals/usr_1/up_1", new byte[] {1}, "application/fit");
    scene.connect(ANNA, Provider.STRAVA);

    sweep.accept(TICK);

    assertThat(stores.objects).hasSize(1);
    assertThat(connectionStore.list(ANNA, EU)).hasSize(1);
    assertThat(scene.queued).isEmpty();
  }

  private void marked(UserId user, Instant erasedAt) {
    erased.markErased(user, erasedAt, erasedAt.plus(Duration.ofDays(15)), EU);
  }
}
