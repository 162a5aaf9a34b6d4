package app.stride.auth.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.auth.token.KeyRing;
import app.stride.auth.token.KeyRingStore;
import app.stride.auth.token.SigningKey;
import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KeyRingStore} adapter must do. A subclass supplies an empty store bound to
 * {@link #HOME}.
 */
public abstract class KeyRingStoreContract {
  /** The region the store under test serves. */
  protected static final RegionId HOME = RegionId.of("eu");

  private static final Instant NOW = Instant.parse("2026-03-01T08:15:30Z");

  private KeyRingStore store;

  /** A new, empty store of region {@link #HOME}. */
  protected abstract KeyRingStore newStore();

  @BeforeEach
  void freshStore() {
    store = newStore();
  }

  @Test
  void load_beforeAnySave_isEmpty() {
    assertThat(store.load(HOME)).isEmpty();
  }

  @Test
  void save_thenLoad_returnsTheSameRingWithItsPrivateKeys() {
    KeyRing first = ring(1);

    store.save(first, 0);

    KeyRing loaded = store.load(HOME).orElseThrow();
    assertSameRing(loaded, first);
    assertThat(loaded.signingKey().jwk().isPrivate()).isTrue();
  }

  @Test
  void save_withExpectedZero_whenARingExists_isAVersionConflict() {
    KeyRing first = ring(1);
    store.save(first, 0);

    assertThatThrownBy(() -> store.save(ring(1), 0)).isInstanceOf(VersionConflictException.class);

    assertSameRing(store.load(HOME).orElseThrow(), first);
  }

  @Test
  void save_atTheStoredVersion_replacesTheRing() {
    store.save(ring(1), 0);
    KeyRing second = ring(2);

    store.save(second, 1);

    assertSameRing(store.load(HOME).orElseThrow(), second);
  }

  @Test
  void save_withAStaleVersion_isAVersionConflictAndKeepsTheWinner() {
    store.save(ring(1), 0);
    KeyRing winner = ring(2);
    store.save(winner, 1);

    assertThatThrownBy(() -> store.save(ring(2), 1)).isInstanceOf(VersionConflictException.class);

    assertSameRing(store.load(HOME).orElseThrow(), winner);
  }

  @Test
  void save_onEightThreads_exactlyOneWins() throws Exception {
    store.save(ring(1), 0);

    List<ConcurrentCalls.Outcome<KeyRing>> outcomes =
        ConcurrentCalls.race(
            8,
            () -> {
              KeyRing mine = ring(2);
              store.save(mine, 1);
              return mine;
            });

    List<KeyRing> winners =
        outcomes.stream().filter(ConcurrentCalls.Outcome::succeeded).map(o -> o.result()).toList();
    assertThat(winners).hasSize(1);
    assertThat(outcomes.stream().filter(o -> !o.succeeded()))
        .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(VersionConflictException.class));
    assertSameRing(store.load(HOME).orElseThrow(), winners.get(0));
  }

  @Test
  void save_whoseVersionIsNotTheNextOne_isRefused() {
    assertThatThrownBy(() -> store.save(ring(3), 0)).isInstanceOf(IllegalArgumentException.class);

    assertThat(store.load(HOME)).isEmpty();
  }

  @Test
  void anotherRegionsRing_isRefusedAndNothingIsStored() {
    RegionId us = RegionId.of("us");
    KeyRing foreign = KeyRing.bootstrap(us, NOW);

    assertThatThrownBy(() -> store.save(foreign, 0)).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> store.load(us)).isInstanceOf(ProblemException.class);

    assertThat(store.load(HOME)).isEmpty();
  }

  /** A ring of {@link #HOME} with a fresh key, at {@code version}. */
  private static KeyRing ring(long version) {
    return new KeyRing(HOME, KeyRing.bootstrap(HOME, NOW).keys(), version);
  }

  private static void assertSameRing(KeyRing actual, KeyRing expected) {
    assertThat(actual.region()).isEqualTo(expected.region());
    assertThat(actual.version()).isEqualTo(expected.version());
    assertThat(actual.keys()).extracting(SigningKey::kid).isEqualTo(kids(expected));
    assertThat(actual.toJson()).isEqualTo(expected.toJson());
  }

  private static List<String> kids(KeyRing ring) {
    return ring.keys().stream().map(SigningKey::kid).toList();
  }
}
