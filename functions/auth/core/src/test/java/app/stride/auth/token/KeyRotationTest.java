package app.stride.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.auth.JwtTokenVerifier;
import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import com.nimbusds.jose.jwk.JWK;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rotation timeline, step by step, with the shared verifier built from what the ring publishes
 * at each moment: rotate every 30 days, publish 1 hour ahead, 15-minute tokens, issuers' ring at
 * most 5 minutes old, 30 seconds of verifier clock skew.
 */
class KeyRotationTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final Duration ROTATE = Duration.ofDays(30);
  private static final Duration AHEAD = Duration.ofHours(1);
  private static final Duration LIFETIME = Duration.ofMinutes(15);
  private static final Instant DUE = T0.plus(ROTATE);

  private final KeyRotation rotation = new KeyRotation(ROTATE, AHEAD, LIFETIME);
  private final KeyRing initial = KeyRing.bootstrap(EU, T0);
  private final SigningKey first = initial.signingKey();

  @Test
  void retiredFor_isSignerRingAgePlusTokenLifetimePlusVerifierSkew() {
    assertThat(rotation.retiredFor())
        .isEqualTo(
            KeyRotation.DEFAULT_SIGNER_RING_MAX_AGE
                .plus(LIFETIME)
                .plus(JwtTokenVerifier.CLOCK_SKEW))
        .isEqualTo(Duration.ofMinutes(20).plusSeconds(30));
  }

  @Test
  void step0_nothingIsDue_theSameRingComesBack() {
    assertThat(rotation.advance(initial, T0.plus(Duration.ofDays(10)))).isSameAs(initial);
    assertThat(rotation.advance(initial, DUE.minus(AHEAD).minusSeconds(1))).isSameAs(initial);
  }

  @Test
  void step1_publishAhead_addsANextKeyThatIsPublishedButDoesNotSign() {
    KeyRing ring = rotation.advance(initial, DUE.minus(AHEAD));

    SigningKey next = ring.nextKey().orElseThrow();
    assertThat(ring.version()).isEqualTo(initial.version() + 1);
    assertThat(next.kid()).matches("eu-20261130-[0-9a-f]{8}").isNotEqualTo(first.kid());
    assertThat(ring.signingKey().kid()).isEqualTo(first.kid());
    assertThat(kidsOf(ring)).containsExactlyInAnyOrder(first.kid(), next.kid());
    assertThat(kidOfTokenFrom(ring, DUE.minus(AHEAD))).isEqualTo(first.kid());
  }

  @Test
  void step2_promote_onlyAfterTheNextKeyWasPublishedForPublishAhead() {
    KeyRing published = rotation.advance(initial, DUE.minus(AHEAD));
    SigningKey next = published.nextKey().orElseThrow();

    assertThat(rotation.advance(published, DUE.minusSeconds(1))).isSameAs(published);
    KeyRing promoted = rotation.advance(published, DUE);

    assertThat(promoted.signingKey().kid()).isEqualTo(next.kid());
    assertThat(promoted.signingKey().stateSince()).isEqualTo(DUE);
    assertThat(stateOf(promoted, first.kid())).isEqualTo(KeyState.RETIRED);
    assertThat(promoted.nextKey()).isEmpty();
    assertThat(kidsOf(promoted)).contains(first.kid(), next.kid());
    assertThat(kidOfTokenFrom(promoted, DUE)).isEqualTo(next.kid());
  }

  @Test
  void step3_aTokenSignedJustBeforeRetirement_verifiesUntilItExpires() {
    KeyRing published = rotation.advance(initial, DUE.minus(AHEAD));
    Instant signedAt = DUE.minusSeconds(1);
    String lastOldToken = issue(published, signedAt);
    Instant expiry = signedAt.plus(LIFETIME);

    KeyRing ring = published;
    for (Instant t = DUE; !t.isAfter(expiry); t = t.plus(Duration.ofMinutes(1))) {
      ring = rotation.advance(ring, t);
      assertThat(TokenFixtures.verifierOf(ring, t).verify(lastOldToken).userId())
          .as("verified at %s", t)
          .isEqualTo("user-1");
    }
    ring = rotation.advance(ring, expiry);
    assertThat(TokenFixtures.verifierOf(ring, expiry).verify(lastOldToken).userId())
        .isEqualTo("user-1");
    assertThat(kidsOf(ring)).contains(first.kid());
  }

  @Test
  void step3_anIssuerWithAStaleRing_mayStillSignWithTheRetiredKey_andItsTokensLiveOut() {
    KeyRing published = rotation.advance(initial, DUE.minus(AHEAD));
    KeyRing promoted = rotation.advance(published, DUE);
    Instant staleSignature = DUE.plus(KeyRotation.DEFAULT_SIGNER_RING_MAX_AGE).minusSeconds(1);
    String token = issue(published, staleSignature);
    Instant expiredForEveryVerifier =
        staleSignature.plus(LIFETIME).plus(JwtTokenVerifier.CLOCK_SKEW);
    Instant lastAcceptedMoment = expiredForEveryVerifier.minusSeconds(1);

    KeyRing ring = rotation.advance(promoted, lastAcceptedMoment);

    assertThat(kidsOf(ring)).contains(first.kid());
    assertThat(TokenFixtures.verifierOf(ring, lastAcceptedMoment).verify(token).userId())
        .isEqualTo("user-1");
    assertThat(expiredForEveryVerifier).isEqualTo(DUE.plus(rotation.retiredFor()).minusSeconds(1));
  }

  @Test
  void step4_remove_theRetiredKeyLeavesTheJwks_onceEveryTokenItSignedHasExpired() {
    KeyRing published = rotation.advance(initial, DUE.minus(AHEAD));
    KeyRing promoted = rotation.advance(published, DUE);
    Instant removal = DUE.plus(rotation.retiredFor());

    KeyRing stillRetired = rotation.advance(promoted, removal.minusSeconds(1));
    KeyRing removed = rotation.advance(stillRetired, removal);

    assertThat(stillRetired).isSameAs(promoted);
    assertThat(kidsOf(removed)).containsExactly(promoted.signingKey().kid());
    assertThat(removed.publicJwks().getKeyByKeyId(first.kid())).isNull();
    assertThat(removed.version()).isEqualTo(promoted.version() + 1);
  }

  @Test
  void step4_aRemovedKeyCanNoLongerVouchForAnyone() {
    KeyRing published = rotation.advance(initial, DUE.minus(AHEAD));
    KeyRing removed =
        rotation.advance(rotation.advance(published, DUE), DUE.plus(Duration.ofHours(1)));
    Instant later = DUE.plus(Duration.ofHours(1));
    String signedWithRemovedKey = issue(published, later);

    assertThatThrownBy(() -> TokenFixtures.verifierOf(removed, later).verify(signedWithRemovedKey))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void nextCycle_startsFromTheNewKeysPromotion() {
    KeyRing ring = rotation.advance(rotation.advance(initial, DUE.minus(AHEAD)), DUE);
    ring = rotation.advance(ring, DUE.plus(Duration.ofHours(1)));
    SigningKey second = ring.signingKey();

    assertThat(rotation.advance(ring, DUE.plus(ROTATE).minus(AHEAD).minusSeconds(1)))
        .isSameAs(ring);
    KeyRing third = rotation.advance(ring, DUE.plus(ROTATE).minus(AHEAD));

    assertThat(third.nextKey()).isPresent();
    assertThat(third.signingKey().kid()).isEqualTo(second.kid());
  }

  @Test
  void aLateRun_neverShortensTheTimeANextKeyIsPublishedBeforeItSigns() {
    Instant muchLater = DUE.plus(Duration.ofDays(5));

    KeyRing published = rotation.advance(initial, muchLater);
    KeyRing stillOld = rotation.advance(published, muchLater.plus(AHEAD).minusSeconds(1));
    KeyRing promoted = rotation.advance(stillOld, muchLater.plus(AHEAD));

    assertThat(published.nextKey()).isPresent();
    assertThat(published.signingKey().kid()).isEqualTo(first.kid());
    assertThat(stillOld).isSameAs(published);
    assertThat(promoted.signingKey().kid()).isEqualTo(published.nextKey().orElseThrow().kid());
  }

  @Test
  void constructor_refusesPeriodsThatCannotWork() {
    assertThatThrownBy(() -> new KeyRotation(AHEAD, AHEAD, LIFETIME))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyRotation(ROTATE, Duration.ofMinutes(5), LIFETIME))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyRotation(ROTATE, AHEAD, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyRotation(ROTATE, AHEAD, LIFETIME, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String issue(KeyRing ring, Instant at) {
    return TokenFixtures.issuerAt(at)
        .issue(ring, "user-1", Set.of("profile:read"), List.of("pwd"))
        .token();
  }

  private static String kidOfTokenFrom(KeyRing ring, Instant at) {
    try {
      return com.nimbusds.jwt.SignedJWT.parse(issue(ring, at)).getHeader().getKeyID();
    } catch (java.text.ParseException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> kidsOf(KeyRing ring) {
    return ring.publicJwks().getKeys().stream().map(JWK::getKeyID).toList();
  }

  private static KeyState stateOf(KeyRing ring, String kid) {
    return ring.keys().stream().filter(k -> k.kid().equals(kid)).findFirst().orElseThrow().state();
  }
}
