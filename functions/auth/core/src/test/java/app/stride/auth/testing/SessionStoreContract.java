package app.stride.auth.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.auth.application.port.out.SessionStore;
import app.stride.auth.domain.RefreshToken;
import app.stride.auth.domain.SessionFamily;
import app.stride.auth.domain.UserId;
import app.stride.core.store.VersionConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SessionStore} adapter must do. A subclass supplies an empty store. */
public abstract class SessionStoreContract {
  private static final Instant NOW = Instant.parse("2026-03-01T08:15:30.123456789Z");
  private static final UserId USER = UserId.random();

  private SessionStore store;

  /** A new, empty store. */
  protected abstract SessionStore newStore();

  @BeforeEach
  void freshStore() {
    store = newStore();
  }

  @Test
  void startSession_thenFindsIt() {
    SessionFamily family = family();

    store.startSession(family);

    assertThat(store.findSession(family.familyId())).contains(family);
  }

  @Test
  void findSession_unknown_isEmpty() {
    assertThat(store.findSession(UUID.randomUUID().toString())).isEmpty();
  }

  @Test
  void startSession_withAnExistingId_isAVersionConflict() {
    SessionFamily family = family();
    store.startSession(family);
    SessionFamily sameId =
        new SessionFamily(family.familyId(), UserId.random(), NOW, NOW.plusSeconds(60), null);

    assertThatThrownBy(() -> store.startSession(sameId))
        .isInstanceOf(VersionConflictException.class);

    assertThat(store.findSession(family.familyId())).contains(family);
  }

  @Test
  void revokeSession_marksItRevokedAtNow() {
    SessionFamily family = family();
    store.startSession(family);
    Instant at = NOW.plusSeconds(90);

    store.revokeSession(family.familyId(), at);

    assertThat(store.findSession(family.familyId()).orElseThrow().revoked()).contains(at);
  }

  @Test
  void revokeSession_twice_keepsTheFirstRevocation() {
    SessionFamily family = family();
    store.startSession(family);
    store.revokeSession(family.familyId(), NOW.plusSeconds(90));

    store.revokeSession(family.familyId(), NOW.plusSeconds(500));

    assertThat(store.findSession(family.familyId()).orElseThrow().revoked())
        .contains(NOW.plusSeconds(90));
  }

  @Test
  void revokeSession_ofAnUnknownSession_doesNothing() {
    String unknown = UUID.randomUUID().toString();

    store.revokeSession(unknown, NOW);

    assertThat(store.findSession(unknown)).isEmpty();
  }

  @Test
  void saveToken_thenFindsIt() {
    RefreshToken token = token("hash-" + UUID.randomUUID());

    store.saveToken(token);

    assertThat(store.findToken(token.tokenHash())).contains(token);
  }

  @Test
  void findToken_unknown_isEmpty() {
    assertThat(store.findToken("unknown-hash")).isEmpty();
  }

  @Test
  void saveToken_withAnExistingHash_isAVersionConflict() {
    RefreshToken token = token("hash-dup");
    store.saveToken(token);
    RefreshToken other =
        new RefreshToken(
            "hash-dup", "other-family", USER, List.of("ext"), NOW, NOW.plusSeconds(5), null);

    assertThatThrownBy(() -> store.saveToken(other)).isInstanceOf(VersionConflictException.class);

    assertThat(store.findToken("hash-dup")).contains(token);
  }

  @Test
  void markRotated_isTrueOnceThenFalse() {
    RefreshToken token = token("hash-rotate");
    store.saveToken(token);
    Instant at = NOW.plusSeconds(30);

    assertThat(store.markRotated("hash-rotate", at)).isTrue();
    assertThat(store.markRotated("hash-rotate", at.plusSeconds(1))).isFalse();

    RefreshToken stored = store.findToken("hash-rotate").orElseThrow();
    assertThat(stored.rotated()).contains(at);
    assertThat(stored.familyId()).isEqualTo(token.familyId());
    assertThat(stored.amr()).isEqualTo(token.amr());
  }

  @Test
  void markRotated_ofAnUnknownToken_isFalseAndStoresNothing() {
    assertThat(store.markRotated("never-issued", NOW)).isFalse();

    assertThat(store.findToken("never-issued")).isEmpty();
  }

  @Test
  void markRotated_onEightThreads_exactlyOneWins() throws Exception {
    store.saveToken(token("hash-race"));

    List<ConcurrentCalls.Outcome<Boolean>> outcomes =
        ConcurrentCalls.race(8, () -> store.markRotated("hash-race", NOW.plusSeconds(1)));

    assertThat(outcomes).allMatch(ConcurrentCalls.Outcome::succeeded);
    assertThat(outcomes.stream().filter(o -> o.result())).hasSize(1);
  }

  private static SessionFamily family() {
    return new SessionFamily(
        UUID.randomUUID().toString(), USER, NOW, NOW.plus(Duration.ofDays(30)), null);
  }

  private static RefreshToken token(String hash) {
    return new RefreshToken(
        hash,
        UUID.randomUUID().toString(),
        USER,
        List.of("pwd", "otp"),
        NOW,
        NOW.plus(Duration.ofDays(30)),
        null);
  }
}
