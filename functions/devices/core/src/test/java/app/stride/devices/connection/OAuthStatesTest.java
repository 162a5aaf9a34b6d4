package app.stride.devices.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.devices.connection.StateRejectedException.Reason;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OAuthStatesTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final UserId ALICE = new UserId("u_alice");
  private static final UserId MALLORY = new UserId("u_mallory");

  private final OAuthStates states =
      new OAuthStates(
          Secret.of("0123456789abcdef0123456789abcdef"),
          Duration.ofMinutes(10),
          new SecureRandom());

  private static void assertRefused(Runnable verification, Reason reason) {
    assertThatThrownBy(verification::run)
        .isInstanceOfSatisfying(
            StateRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void state_verifies_forItsUserAndProvider_withinTheTtl() {
    String state = states.issue(ALICE, Provider.STRAVA, NOW);

    states.verify(state, ALICE, Provider.STRAVA, NOW.plus(Duration.ofMinutes(9)));
  }

  @Test
  void states_areUnique() {
    assertThat(states.issue(ALICE, Provider.STRAVA, NOW))
        .isNotEqualTo(states.issue(ALICE, Provider.STRAVA, NOW));
  }

  @Test
  void state_ofAnotherUser_isRefused() {
    String malloryState = states.issue(MALLORY, Provider.STRAVA, NOW);

    assertRefused(
        () -> states.verify(malloryState, ALICE, Provider.STRAVA, NOW), Reason.OTHER_USER);
  }

  @Test
  void state_forAnotherProvider_isRefused() {
    String state = states.issue(ALICE, Provider.GARMIN, NOW);

    assertRefused(() -> states.verify(state, ALICE, Provider.STRAVA, NOW), Reason.OTHER_PROVIDER);
  }

  @Test
  void expiredState_isRefused() {
    String state = states.issue(ALICE, Provider.STRAVA, NOW);

    assertRefused(
        () -> states.verify(state, ALICE, Provider.STRAVA, NOW.plus(Duration.ofMinutes(11))),
        Reason.EXPIRED);
  }

  @Test
  void payloadRewrittenToAnotherUser_isRefusedAsTampered() {
    String malloryState = states.issue(MALLORY, Provider.STRAVA, NOW);
    String[] parts = malloryState.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
            .replace("u_mallory", "u_alice");
    String forged =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1];

    assertRefused(() -> states.verify(forged, ALICE, Provider.STRAVA, NOW), Reason.TAMPERED);
  }

  @Test
  void expiryPushedOut_isRefusedAsTampered() {
    String state = states.issue(ALICE, Provider.STRAVA, NOW);
    String[] parts = state.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    String extended = payload.substring(0, payload.lastIndexOf('|') + 1) + "99999999999";
    String forged =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(extended.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1];

    assertRefused(
        () -> states.verify(forged, ALICE, Provider.STRAVA, NOW.plus(Duration.ofHours(1))),
        Reason.TAMPERED);
  }

  @Test
  void stateSignedWithAnotherKey_isRefused() {
    OAuthStates other =
        new OAuthStates(
            Secret.of("ffffffffffffffffffffffffffffffff"),
            Duration.ofMinutes(10),
            new SecureRandom());
    String state = other.issue(ALICE, Provider.STRAVA, NOW);

    assertRefused(() -> states.verify(state, ALICE, Provider.STRAVA, NOW), Reason.TAMPERED);
  }

  @Test
  void garbage_isRefusedAsMalformed() {
    assertRefused(
        () -> states.verify("not-a-state", ALICE, Provider.STRAVA, NOW), Reason.MALFORMED);
    assertRefused(() -> states.verify("a.b.c", ALICE, Provider.STRAVA, NOW), Reason.MALFORMED);
    assertRefused(() -> states.verify(null, ALICE, Provider.STRAVA, NOW), Reason.MALFORMED);
    assertRefused(
        () -> states.verify("x".repeat(5000), ALICE, Provider.STRAVA, NOW), Reason.MALFORMED);
  }

  @Test
  void codeVerifier_isAValidPkceVerifier_stablePerState() {
    String state = states.issue(ALICE, Provider.GARMIN, NOW);
    String verifier = states.codeVerifier(state);

    assertThat(Pkce.isValidVerifier(verifier)).isTrue();
    assertThat(states.codeVerifier(state)).isEqualTo(verifier);
    assertThat(states.codeVerifier(states.issue(ALICE, Provider.GARMIN, NOW)))
        .isNotEqualTo(verifier);
  }

  @Test
  void shortKeys_areRefused() {
    assertThatThrownBy(() -> OAuthStates.withDefaults(Secret.of("short")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusal_namesNoUserOrState() {
    String malloryState = states.issue(MALLORY, Provider.STRAVA, NOW);

    assertThatThrownBy(() -> states.verify(malloryState, ALICE, Provider.STRAVA, NOW))
        .hasMessageNotContaining("u_mallory")
        .hasMessageNotContaining("u_alice")
        .hasMessageNotContaining(malloryState);
  }
}
