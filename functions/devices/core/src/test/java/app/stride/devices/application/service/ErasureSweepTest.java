package app.stride.devices.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.trigger.ScheduledTick;
import app.stride.devices.connection.ConnectionSettings;
import app.stride.devices.connection.LocalAesGcmTokenCipher;
import app.stride.devices.connection.OAuthClient;
import app.stride.devices.connection.ProviderRevocations;
import app.stride.devices.connection.RefreshPolicy;
import app.stride.devices.connection.Secret;
import app.stride.devices.connection.TokenCipher;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The follow-up sweep: what lands after an erasure is removed by the next ticks. */
class ErasureSweepTest {
  private static final RegionId EU = new RegionId("eu");
  private static final UserId ANNA = new UserId("usr_1");
  private static final UserId BEN = new UserId("usr_2");
  private static final UserId CARL = new UserId("usr_3");
  private static final Instant NOW = Instant.parse("2026-11-27T21:00:00Z");
  private static final ScheduledTick TICK =
      new ScheduledTick("tick-1", "devices-erasure-sweep", NOW);

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final MemoryStores stores = new MemoryStores();
  private final MemoryConnections connectionStore = new MemoryConnections();
  private final TokenCipher cipher = LocalAesGcmTokenCipher.of("k1", Secret.ofBytes(new byte[32]));
  private final List<String> queued = new ArrayList<>();
  private boolean queueDown;
  private final MemoryErasedAccounts erased = new MemoryErasedAccounts();
  private final ConnectionService connections =
      new ConnectionService(
          connectionStore,
          ConnectionSettings.fromEnv(Map.of()),
          OAuthClient.withDefaults(),
          cipher,
          (provider, token) -> Optional.empty(),
          RefreshPolicy.defaults(),
          ProviderRevocations.fromEnv(Map.of()),
          (kind, key, body) -> {
            if (queueDown) {
              throw new StoreUnavailableException("queue down", null);
            }
            queued.add(new String(body, StandardCharsets.UTF_8));
          },
          erased,
          EU,
          clock);
  private final UserDataEraser eraser =
      new UserDataEraser(connections, stores, stores, stores, erased, EU, clock);
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
    connect(ANNA, Provider.STRAVA);

    sweep.accept(TICK);

    assertThat(connectionStore.list(ANNA, EU)).isEmpty();
    assertThat(queued).singleElement().asString().contains("\"provider\":\"strava\"");
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
    connect(ANNA, Provider.STRAVA);
    connect(CARL, Provider.STRAVA);
    stores.put("originals/usr_1/up_1", new byte[] {1}, "application/fit");
    stores.put("originals/usr_2/up_1", new byte[] {2}, "application/fit");
    queueDown = true;

    assertThatThrownBy(() -> sweep.accept(TICK))
        .isInstanceOf(StoreUnavailableException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));

    // Ben's leftover is gone; Anna's stays for the next tick, which then removes it.
    assertThat(stores.objects.keySet()).containsExactly("originals/usr_1/up_1");
    queueDown = false;
    sweep.accept(TICK);
    assertThat(stores.objects).isEmpty();
    assertThat(connectionStore.list(ANNA, EU)).isEmpty();
    assertThat(connectionStore.list(CARL, EU)).isEmpty();
  }

  @Test
  void aTick_withNoErasures_sweepsNothing() {
    stores.put("originals/usr_1/up_1", new byte[] {1}, "application/fit");
    connect(ANNA, Provider.STRAVA);

    sweep.accept(TICK);

    assertThat(stores.objects).hasSize(1);
    assertThat(connectionStore.list(ANNA, EU)).hasSize(1);
    assertThat(queued).isEmpty();
  }

  private void marked(UserId user, Instant erasedAt) {
    erased.markErased(user, erasedAt, erasedAt.plus(Duration.ofDays(15)), EU);
  }

  private void connect(UserId user, Provider provider) {
    connectionStore.save(
        new Connection(
            user,
            provider,
            provider.wire() + "-" + user,
            cipher.encrypt(Secret.of("token"), user, provider),
            null,
            null,
            "read",
            NOW,
            NOW,
            1),
        EU);
  }
}
