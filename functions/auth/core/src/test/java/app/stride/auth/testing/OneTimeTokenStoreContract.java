package app.stride.auth.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.auth.application.port.out.OneTimeTokenStore;
import app.stride.auth.domain.OneTimeToken;
import app.stride.auth.domain.OneTimeToken.Purpose;
import app.stride.auth.domain.UserId;
import app.stride.core.store.VersionConflictException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link OneTimeTokenStore} adapter must do. A subclass supplies an empty store. */
public abstract class OneTimeTokenStoreContract {
  private static final Instant NOW = Instant.parse("2026-03-01T08:15:30.123456789Z");

  private OneTimeTokenStore store;

  /** A new, empty store. */
  protected abstract OneTimeTokenStore newStore();

  @BeforeEach
  void freshStore() {
    store = newStore();
  }

  @Test
  void save_thenFindsTheLiveToken() {
    OneTimeToken token = token(Purpose.VERIFY_EMAIL);

    store.save(token);

    assertThat(store.find(token.tokenHash(), Purpose.VERIFY_EMAIL, NOW)).contains(token);
  }

  @Test
  void save_withAnExistingHash_isAVersionConflict() {
    OneTimeToken token = token(Purpose.RESET_PASSWORD);
    store.save(token);
    OneTimeToken sameHash =
        new OneTimeToken(
            token.tokenHash(), Purpose.VERIFY_EMAIL, UserId.random(), NOW.plusSeconds(9), 0);

    assertThatThrownBy(() -> store.save(sameHash)).isInstanceOf(VersionConflictException.class);

    assertThat(store.find(token.tokenHash(), Purpose.RESET_PASSWORD, NOW)).contains(token);
  }

  @Test
  void find_unknown_isEmpty() {
    assertThat(store.find("unknown", Purpose.VERIFY_EMAIL, NOW)).isEmpty();
  }

  @Test
  void find_ofAnotherPurpose_isEmpty() {
    OneTimeToken token = token(Purpose.VERIFY_EMAIL);
    store.save(token);

    assertThat(store.find(token.tokenHash(), Purpose.RESET_PASSWORD, NOW)).isEmpty();
    assertThat(store.find(token.tokenHash(), Purpose.MFA_CHALLENGE, NOW)).isEmpty();
  }

  @Test
  void find_expiredToken_isEmpty_fromTheInstantItExpires() {
    OneTimeToken token = token(Purpose.RESET_PASSWORD);
    store.save(token);

    assertThat(
            store.find(token.tokenHash(), Purpose.RESET_PASSWORD, token.expiresAt().minusNanos(1)))
        .contains(token);
    assertThat(store.find(token.tokenHash(), Purpose.RESET_PASSWORD, token.expiresAt())).isEmpty();
  }

  @Test
  void consume_returnsTheTokenOnce() {
    OneTimeToken token = token(Purpose.VERIFY_EMAIL);
    store.save(token);

    assertThat(store.consume(token.tokenHash(), Purpose.VERIFY_EMAIL, NOW)).contains(token);
    assertThat(store.consume(token.tokenHash(), Purpose.VERIFY_EMAIL, NOW)).isEmpty();
    assertThat(store.find(token.tokenHash(), Purpose.VERIFY_EMAIL, NOW)).isEmpty();
  }

  @Test
  void consume_unknown_isEmpty() {
    assertThat(store.consume("unknown", Purpose.VERIFY_EMAIL, NOW)).isEmpty();
  }

  @Test
  void consume_ofAnotherPurpose_isEmptyAndLeavesTheToken() {
    OneTimeToken token = token(Purpose.VERIFY_EMAIL);
    store.save(token);

    assertThat(store.consume(token.tokenHash(), Purpose.RESET_PASSWORD, NOW)).isEmpty();

    assertThat(store.consume(token.tokenHash(), Purpose.VERIFY_EMAIL, NOW)).contains(token);
  }

  @Test
  void consume_expired_isEmpty() {
    OneTimeToken token = token(Purpose.RESET_PASSWORD);
    store.save(token);

    assertThat(store.consume(token.tokenHash(), Purpose.RESET_PASSWORD, token.expiresAt()))
        .isEmpty();
    assertThat(store.find(token.tokenHash(), Purpose.RESET_PASSWORD, token.expiresAt())).isEmpty();
  }

  @Test
  void consume_justBeforeExpiry_succeeds() {
    OneTimeToken token = token(Purpose.MFA_CHALLENGE);
    store.save(token);

    assertThat(
            store.consume(
                token.tokenHash(), Purpose.MFA_CHALLENGE, token.expiresAt().minusNanos(1)))
        .contains(token);
  }

  @Test
  void consume_onEightThreads_exactlyOneWins() throws Exception {
    OneTimeToken token = token(Purpose.RESET_PASSWORD);
    store.save(token);

    List<ConcurrentCalls.Outcome<java.util.Optional<OneTimeToken>>> outcomes =
        ConcurrentCalls.race(
            8, () -> store.consume(token.tokenHash(), Purpose.RESET_PASSWORD, NOW));

    assertThat(outcomes).allMatch(ConcurrentCalls.Outcome::succeeded);
    assertThat(outcomes.stream().filter(o -> o.result().isPresent())).hasSize(1);
  }

  @Test
  void recordFailure_countsUpAndIsVisible() {
    OneTimeToken token = token(Purpose.MFA_CHALLENGE);
    store.save(token);

    assertThat(store.recordFailure(token.tokenHash())).isEqualTo(1);
    assertThat(store.recordFailure(token.tokenHash())).isEqualTo(2);

    assertThat(store.find(token.tokenHash(), Purpose.MFA_CHALLENGE, NOW))
        .hasValueSatisfying(t -> assertThat(t.failures()).isEqualTo(2));
  }

  @Test
  void recordFailure_deletesTheTokenAtMaxFailures() {
    OneTimeToken token = token(Purpose.MFA_CHALLENGE);
    store.save(token);
    for (int i = 1; i < OneTimeToken.MAX_FAILURES; i++) {
      assertThat(store.recordFailure(token.tokenHash())).isEqualTo(i);
    }
    assertThat(store.find(token.tokenHash(), Purpose.MFA_CHALLENGE, NOW)).isPresent();

    assertThat(store.recordFailure(token.tokenHash())).isEqualTo(OneTimeToken.MAX_FAILURES);

    assertThat(store.find(token.tokenHash(), Purpose.MFA_CHALLENGE, NOW)).isEmpty();
    assertThat(store.consume(token.tokenHash(), Purpose.MFA_CHALLENGE, NOW)).isEmpty();
  }

  @Test
  void recordFailure_ofAnUnknownToken_countsAsUsedUp() {
    assertThat(store.recordFailure("unknown")).isEqualTo(OneTimeToken.MAX_FAILURES);

    assertThat(store.find("unknown", Purpose.MFA_CHALLENGE, NOW)).isEmpty();
  }

  @Test
  void recordFailure_onEightThreads_losesNoCount() throws Exception {
    OneTimeToken token = token(Purpose.MFA_CHALLENGE);
    store.save(token);

    List<ConcurrentCalls.Outcome<Integer>> outcomes =
        ConcurrentCalls.race(8, () -> store.recordFailure(token.tokenHash()));

    assertThat(outcomes).allMatch(ConcurrentCalls.Outcome::succeeded);
    List<Integer> expected = new java.util.ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      expected.add(Math.min(i, OneTimeToken.MAX_FAILURES));
    }
    assertThat(outcomes.stream().map(ConcurrentCalls.Outcome::result).sorted())
        .containsExactlyElementsOf(expected);
    assertThat(store.find(token.tokenHash(), Purpose.MFA_CHALLENGE, NOW)).isEmpty();
  }

  private static OneTimeToken token(Purpose purpose) {
    return new OneTimeToken(
        "hash-" + UUID.randomUUID(), purpose, UserId.random(), NOW.plus(purpose.lifetime()), 0);
  }
}
