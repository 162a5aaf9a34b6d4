package app.stride.auth.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.testkit.time.MutableClock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery and JWKS fetching against a local OIDC issuer: caching, refresh on key rotation (rate
 * limited), and the circuit breaker when the provider is down.
 */
class OidcKeyFetchingTest {
  private static final String CLIENT_ID = "stride-web.apps.googleusercontent.com";
  private static final String NONCE = "nonce-123";
  private static final RSAKey OLD_KEY = OidcTestIssuer.key(0, "2026-02");
  private static final RSAKey NEW_KEY = OidcTestIssuer.key(1, "2026-03");
  private static final RSAKey FORGED_KID_KEY = OidcTestIssuer.key(2, "not-published");

  private static final OidcTestIssuer issuer = OidcTestIssuer.shared();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private OidcIdTokenVerifier verifier;

  @BeforeEach
  void newVerifier() {
    issuer.reset();
    verifier = verifier(OidcTestIssuer.settings());
  }

  private OidcIdTokenVerifier verifier(OidcVerifierSettings settings) {
    return new OidcIdTokenVerifier(
        Map.of(
            SocialProvider.GOOGLE,
            OidcProviderConfig.google(Set.of(CLIENT_ID)).withIssuer(issuer.issuer())),
        OidcIdTokenVerifier.defaultHttpClient(),
        clock,
        settings);
  }

  private String tokenSignedBy(RSAKey key) {
    return OidcTestIssuer.sign(key, issuer.claims(CLIENT_ID, clock.instant(), NONCE).build());
  }

  private SocialIdentity verify(RSAKey key) {
    return verifier.verify(SocialProvider.GOOGLE, tokenSignedBy(key), NONCE);
  }

  private void assertUnavailable(RSAKey key) {
    assertThatThrownBy(() -> verify(key))
        .isInstanceOf(SocialProviderUnavailableException.class)
        .hasFieldOrPropertyWithValue("provider", SocialProvider.GOOGLE);
  }

  private void assertUnknownKey(RSAKey key) {
    assertThatThrownBy(() -> verify(key))
        .isInstanceOf(SocialTokenRejectedException.class)
        .hasFieldOrPropertyWithValue("reason", SocialTokenRejectedException.UNKNOWN_KEY);
  }

  @Test
  void keys_areFetchedOnce_andCached() {
    issuer.publish(OLD_KEY);

    for (int i = 0; i < 10; i++) {
      verify(OLD_KEY);
    }

    assertThat(issuer.discoveryRequests()).isEqualTo(1);
    assertThat(issuer.jwksRequests()).isEqualTo(1);
  }

  @Test
  void unknownKid_refreshesJwks_andAcceptsTheRotatedKey() {
    issuer.publish(OLD_KEY);
    verify(OLD_KEY);
    clock.advance(Duration.ofMinutes(2));
    issuer.publish(OLD_KEY, NEW_KEY);

    SocialIdentity identity = verify(NEW_KEY);

    assertThat(identity.subject()).isNotBlank();
    assertThat(issuer.jwksRequests()).isEqualTo(2);
    assertThat(issuer.discoveryRequests()).isEqualTo(1);
  }

  @Test
  void unknownKid_refreshesAtMostOncePerMinute() {
    issuer.publish(OLD_KEY, NEW_KEY);
    verify(OLD_KEY);
    clock.advance(Duration.ofMinutes(2));

    assertUnknownKey(FORGED_KID_KEY);
    assertUnknownKey(FORGED_KID_KEY);
    clock.advance(Duration.ofSeconds(30));
    assertUnknownKey(FORGED_KID_KEY);
    assertThat(issuer.jwksRequests()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(31));
    assertUnknownKey(FORGED_KID_KEY);
    assertThat(issuer.jwksRequests()).isEqualTo(3);
  }

  @Test
  void unknownKid_rightAfterAFetch_isRejectedWithoutAnotherFetch() {
    issuer.publish(OLD_KEY);
    verify(OLD_KEY);
    issuer.publish(OLD_KEY, NEW_KEY);

    assertUnknownKey(NEW_KEY);
    assertThat(issuer.jwksRequests()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(61));
    assertThat(verify(NEW_KEY).subject()).isNotBlank();
  }

  @Test
  void retiredKey_isRejectedOnceTheJwksNoLongerPublishesIt() {
    issuer.publish(OLD_KEY);
    verify(OLD_KEY);
    issuer.publish(NEW_KEY);
    clock.advance(Duration.ofMinutes(61));

    assertUnknownKey(OLD_KEY);
    assertThat(verify(NEW_KEY).subject()).isNotBlank();
  }

  @Test
  void jwks_isRefetchedAfterItsTimeToLive_discoveryIsNot() {
    issuer.publish(OLD_KEY);
    verify(OLD_KEY);
    clock.advance(Duration.ofMinutes(61));

    verify(OLD_KEY);

    assertThat(issuer.jwksRequests()).isEqualTo(2);
    assertThat(issuer.discoveryRequests()).isEqualTo(1);
  }

  @Test
  void expiredJwks_keepsServing_whileTheProviderIsDown() {
    issuer.publish(OLD_KEY);
    verify(OLD_KEY);
    issuer.failWithStatus(503);
    clock.advance(Duration.ofMinutes(61));

    assertThat(verify(OLD_KEY).subject()).isNotBlank();
    clock.advance(Duration.ofHours(7));
    assertUnavailable(OLD_KEY);
  }

  @Test
  void concurrentFirstVerifications_fetchTheKeysOnce() throws Exception {
    issuer.publish(OLD_KEY);
    String token = tokenSignedBy(OLD_KEY);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Callable<SocialIdentity>> calls =
          Collections.nCopies(32, () -> verifier.verify(SocialProvider.GOOGLE, token, NONCE));
      for (Future<SocialIdentity> result : pool.invokeAll(calls)) {
        assertThat(result.get().subject()).isNotBlank();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(issuer.discoveryRequests()).isEqualTo(1);
    assertThat(issuer.jwksRequests()).isEqualTo(1);
  }

  @Test
  void oversizedOrMalformedJwks_makesTheProviderUnavailable() {
    issuer.publishJwksBody("{\"keys\":[],\"padding\":\"" + "x".repeat(600 * 1024) + "\"}");
    assertUnavailable(OLD_KEY);

    issuer.publishJwksBody("{\"keys\":\"not a list\"}");
    assertUnavailable(OLD_KEY);

    issuer.publishJwksBody("{\"keys\":[]}");
    assertUnavailable(OLD_KEY);
  }

  @Test
  void discoveryNamingAnotherIssuer_makesTheProviderUnavailable() {
    issuer.publish(OLD_KEY);
    issuer.publishDiscovery("https://accounts.evil.example");

    assertUnavailable(OLD_KEY);
    assertThat(issuer.jwksRequests()).isZero();
  }

  @Test
  void providerDown_opensTheBreaker_andLaterCallsFailFastWithoutHttp() {
    issuer.failWithStatus(500);

    for (int i = 0; i < 3; i++) {
      assertUnavailable(OLD_KEY);
    }
    assertThat(verifier.circuitState(SocialProvider.GOOGLE)).isEqualTo(CircuitBreaker.State.OPEN);
    int requestsWhenOpened = issuer.discoveryRequests();
    for (int i = 0; i < 20; i++) {
      assertUnavailable(OLD_KEY);
    }

    assertThat(requestsWhenOpened).isEqualTo(3);
    assertThat(issuer.discoveryRequests()).isEqualTo(requestsWhenOpened);
  }

  @Test
  void connectionResets_openTheBreaker() {
    issuer.failWithFault(Fault.CONNECTION_RESET_BY_PEER);

    for (int i = 0; i < 3; i++) {
      assertUnavailable(OLD_KEY);
    }
    assertUnavailable(OLD_KEY);

    assertThat(verifier.circuitState(SocialProvider.GOOGLE)).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(issuer.discoveryRequests()).isEqualTo(3);
  }

  @Test
  void garbageAnswers_countAsFailures() {
    issuer.failWithFault(Fault.RANDOM_DATA_THEN_CLOSE);

    for (int i = 0; i < 4; i++) {
      assertUnavailable(OLD_KEY);
    }

    assertThat(verifier.circuitState(SocialProvider.GOOGLE)).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void slowProvider_timesOut_andCountsAsAFailure() {
    verifier = verifier(OidcTestIssuer.settings().withHttpTimeout(Duration.ofMillis(200)));
    issuer.answerSlowly(Duration.ofSeconds(3), OLD_KEY);

    long started = System.nanoTime();
    assertUnavailable(OLD_KEY);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(Duration.ofMillis(2500));
    assertThat(issuer.jwksRequests()).isZero();
  }

  @Test
  void openBreaker_halfOpensAfterItsWait_andRecoversWhenTheProviderIsBack() {
    issuer.failWithStatus(500);
    for (int i = 0; i < 3; i++) {
      assertUnavailable(OLD_KEY);
    }
    issuer.reset();
    issuer.publish(OLD_KEY);

    assertUnavailable(OLD_KEY);
    assertThat(issuer.discoveryRequests()).isZero();

    clock.advance(Duration.ofSeconds(31));
    assertThat(verify(OLD_KEY).subject()).isNotBlank();
    assertThat(verifier.circuitState(SocialProvider.GOOGLE)).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(issuer.discoveryRequests()).isEqualTo(1);
  }

  @Test
  void halfOpenTrialFailure_opensTheBreakerAgain() {
    issuer.failWithStatus(500);
    for (int i = 0; i < 3; i++) {
      assertUnavailable(OLD_KEY);
    }

    clock.advance(Duration.ofSeconds(31));
    assertUnavailable(OLD_KEY);
    assertUnavailable(OLD_KEY);

    assertThat(verifier.circuitState(SocialProvider.GOOGLE)).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(issuer.discoveryRequests()).isEqualTo(4);
  }

  @Test
  void cachedKeys_keepVerifying_whileTheBreakerIsOpen() {
    issuer.publish(OLD_KEY);
    verify(OLD_KEY);
    issuer.failWithStatus(500);
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofSeconds(61));
      assertUnavailable(FORGED_KID_KEY);
    }
    assertThat(verifier.circuitState(SocialProvider.GOOGLE)).isEqualTo(CircuitBreaker.State.OPEN);

    assertThat(verify(OLD_KEY).subject()).isNotBlank();
  }
}
