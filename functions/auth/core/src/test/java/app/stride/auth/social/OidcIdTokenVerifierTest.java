package app.stride.auth.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.testkit.time.MutableClock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Google ID tokens against a local OIDC issuer: what is accepted, and each attack refused with its
 * reason.
 */
class OidcIdTokenVerifierTest {
  private static final String CLIENT_ID = "stride-web.apps.googleusercontent.com";
  private static final String NONCE = "n-0S6_WzA2Mj";
  private static final RSAKey KEY = OidcTestIssuer.key(0, "google-key-1");
  private static final RSAKey ATTACKER_KEY = OidcTestIssuer.key(1, "attacker-key");

  private static final OidcTestIssuer issuer = OidcTestIssuer.shared();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private OidcIdTokenVerifier verifier;

  @BeforeEach
  void publishKeys() {
    issuer.reset();
    issuer.publish(KEY);
    verifier =
        new OidcIdTokenVerifier(
            Map.of(
                SocialProvider.GOOGLE,
                OidcProviderConfig.google(
                        Set.of(CLIENT_ID, "stride-ios.apps.googleusercontent.com"))
                    .withIssuer(issuer.issuer())),
            OidcIdTokenVerifier.defaultHttpClient(),
            clock,
            OidcTestIssuer.settings());
  }

  private JWTClaimsSet.Builder claims() {
    return issuer.claims(CLIENT_ID, clock.instant(), NONCE);
  }

  private String token(JWTClaimsSet.Builder claims) {
    return OidcTestIssuer.sign(KEY, claims.build());
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
      String token, String nonce, String reason) {
    return assertThatThrownBy(() -> verifier.verify(SocialProvider.GOOGLE, token, nonce))
        .isInstanceOf(SocialTokenRejectedException.class)
        .hasFieldOrPropertyWithValue("reason", reason);
  }

  @Test
  void verify_acceptsGenuineToken_andReturnsVerifiedEmail() {
    SocialIdentity identity = verifier.verify(SocialProvider.GOOGLE, token(claims()), NONCE);

    assertThat(identity.provider()).isEqualTo(SocialProvider.GOOGLE);
    assertThat(identity.subject()).isEqualTo("110169484474386276334");
    assertThat(identity.email())
        .get()
        .extracting(e -> e.canonical())
        .isEqualTo("runner@example.com");
    assertThat(identity.emailVerified()).isTrue();
    assertThat(identity.privateRelay()).isFalse();
  }

  @Test
  void verify_acceptsGoogleIssuerWithoutScheme() {
    String schemeless = issuer.issuer().toString().substring("http://".length());

    SocialIdentity identity =
        verifier.verify(SocialProvider.GOOGLE, token(claims().issuer(schemeless)), NONCE);

    assertThat(identity.subject()).isEqualTo("110169484474386276334");
  }

  @Test
  void verify_rejectsWrongIssuer() {
    assertRejected(
        token(claims().issuer("https://accounts.evil.example")),
        NONCE,
        SocialTokenRejectedException.ISSUER);
    assertRejected(token(claims().issuer(null)), NONCE, SocialTokenRejectedException.ISSUER);
  }

  @Test
  void verify_rejectsWrongAudience() {
    assertRejected(
        token(claims().audience("someone-else.apps.googleusercontent.com")),
        NONCE,
        SocialTokenRejectedException.AUDIENCE);
  }

  @Test
  void verify_rejectsOurAudienceAlongsideAnUntrustedOne() {
    assertRejected(
        token(claims().audience(List.of(CLIENT_ID, "someone-else")).claim("azp", CLIENT_ID)),
        NONCE,
        SocialTokenRejectedException.AUDIENCE);
  }

  @Test
  void verify_rejectsSeveralAudiences_withoutOurAuthorizedParty() {
    List<String> ours = List.of(CLIENT_ID, "stride-ios.apps.googleusercontent.com");

    assertRejected(token(claims().audience(ours)), NONCE, SocialTokenRejectedException.AUDIENCE);
    assertThat(
            verifier
                .verify(
                    SocialProvider.GOOGLE,
                    token(claims().audience(ours).claim("azp", CLIENT_ID)),
                    NONCE)
                .subject())
        .isNotBlank();
  }

  @Test
  void verify_rejectsExpiredToken() {
    Instant now = clock.instant();
    JWTClaimsSet.Builder expired =
        claims()
            .issueTime(Date.from(now.minus(Duration.ofMinutes(5))))
            .expirationTime(Date.from(now.minus(Duration.ofMinutes(1))));

    assertRejected(token(expired), NONCE, SocialTokenRejectedException.EXPIRED);
  }

  @Test
  void verify_toleratesSmallClockSkewOnExpiry() {
    Instant now = clock.instant();
    JWTClaimsSet.Builder justExpired =
        claims().expirationTime(Date.from(now.minus(Duration.ofSeconds(10))));

    assertThat(verifier.verify(SocialProvider.GOOGLE, token(justExpired), NONCE).subject())
        .isNotBlank();
  }

  @Test
  void verify_rejectsTokenIssuedInTheFuture() {
    JWTClaimsSet.Builder future =
        claims().issueTime(Date.from(clock.instant().plus(Duration.ofMinutes(5))));

    assertRejected(token(future), NONCE, SocialTokenRejectedException.ISSUED_IN_FUTURE);
  }

  @Test
  void verify_rejectsTokenWithoutIssueTime() {
    assertRejected(
        token(claims().issueTime(null)), NONCE, SocialTokenRejectedException.ISSUED_IN_FUTURE);
  }

  @Test
  void verify_rejectsTokenNotYetValid() {
    JWTClaimsSet.Builder notYet =
        claims().notBeforeTime(Date.from(clock.instant().plus(Duration.ofMinutes(5))));

    assertRejected(token(notYet), NONCE, SocialTokenRejectedException.NOT_YET_VALID);
  }

  @Test
  void verify_rejectsTokenIssuedLongAgo_evenIfNotExpired() {
    JWTClaimsSet.Builder old =
        claims().issueTime(Date.from(clock.instant().minus(Duration.ofMinutes(30))));

    assertRejected(token(old), NONCE, SocialTokenRejectedException.TOO_OLD);
  }

  @Test
  void verify_rejectsMissingNonceInRequest() {
    assertRejected(token(claims()), null, SocialTokenRejectedException.NONCE_MISSING);
    assertRejected(token(claims()), "", SocialTokenRejectedException.NONCE_MISSING);
  }

  @Test
  void verify_rejectsTokenWithoutNonceClaim() {
    assertRejected(
        token(claims().claim("nonce", null)), NONCE, SocialTokenRejectedException.NONCE_MISSING);
  }

  @Test
  void verify_rejectsMismatchedNonce() {
    assertRejected(token(claims()), "another-nonce", SocialTokenRejectedException.NONCE_MISMATCH);
  }

  @Test
  void verify_rejectsMissingSubject() {
    assertRejected(token(claims().subject(null)), NONCE, SocialTokenRejectedException.SUBJECT);
  }

  @Test
  void verify_rejectsAlgNone() {
    String unsecured = new PlainJWT(claims().build()).serialize();
    String noneWithSignature =
        Base64URL.encode("{\"alg\":\"none\",\"kid\":\"google-key-1\"}")
            + "."
            + token(claims()).split("\\.")[1]
            + "."
            + token(claims()).split("\\.")[2];

    assertRejected(unsecured, NONCE, SocialTokenRejectedException.ALGORITHM);
    assertRejected(noneWithSignature, NONCE, SocialTokenRejectedException.ALGORITHM);
    assertThat(issuer.jwksRequests()).isZero();
  }

  @Test
  void verify_rejectsHs256SignedWithThePublicKey() throws JOSEException {
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(),
            claims().build());
    forged.sign(new MACSigner(KEY.toRSAPublicKey().getEncoded()));

    assertRejected(forged.serialize(), NONCE, SocialTokenRejectedException.ALGORITHM);
  }

  @Test
  void verify_rejectsAnotherRsaAlgorithmThanThePinnedOne() {
    String rs512 =
        OidcTestIssuer.sign(
            KEY,
            new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(KEY.getKeyID()).build(),
            claims().build());

    assertRejected(rs512, NONCE, SocialTokenRejectedException.ALGORITHM);
  }

  @Test
  void verify_rejectsRs256SignedByAKeyNotInTheJwks() {
    assertRejected(
        OidcTestIssuer.sign(ATTACKER_KEY, claims().build()),
        NONCE,
        SocialTokenRejectedException.UNKNOWN_KEY);
  }

  @Test
  void verify_rejectsForeignKeySignatureUnderAPublishedKid() {
    String forged =
        OidcTestIssuer.sign(
            ATTACKER_KEY,
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
            claims().build());

    assertRejected(forged, NONCE, SocialTokenRejectedException.SIGNATURE);
  }

  @Test
  void verify_ignoresAKeyEmbeddedInTheHeader() {
    String forged =
        OidcTestIssuer.sign(
            ATTACKER_KEY,
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(KEY.getKeyID())
                .jwk(ATTACKER_KEY.toPublicJWK())
                .build(),
            claims().build());

    assertRejected(forged, NONCE, SocialTokenRejectedException.SIGNATURE);
  }

  @Test
  void verify_rejectsTamperedClaims() {
    String[] parts = token(claims()).split("\\.");
    String tamperedPayload =
        Base64URL.encode(claims().subject("someone-else").build().toString()).toString();

    assertRejected(
        parts[0] + "." + tamperedPayload + "." + parts[2],
        NONCE,
        SocialTokenRejectedException.SIGNATURE);
  }

  @Test
  void verify_rejectsTokenWithoutKid() {
    String noKid =
        OidcTestIssuer.sign(
            KEY,
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
            claims().build());

    assertRejected(noKid, NONCE, SocialTokenRejectedException.UNKNOWN_KEY);
  }

  @Test
  void verify_rejectsGarbageAndOversizedTokens() {
    assertRejected("not-a-jwt", NONCE, SocialTokenRejectedException.MALFORMED);
    assertRejected("", NONCE, SocialTokenRejectedException.MALFORMED);
    assertRejected(null, NONCE, SocialTokenRejectedException.MALFORMED);
    assertRejected("%%%.e30.sig", NONCE, SocialTokenRejectedException.MALFORMED);
    assertRejected(
        token(claims().claim("padding", "x".repeat(20_000))),
        NONCE,
        SocialTokenRejectedException.TOO_LONG);
    assertThat(issuer.jwksRequests()).isZero();
  }

  @Test
  void verify_reportsUnverifiedEmailAsUnverified() {
    SocialIdentity identity =
        verifier.verify(
            SocialProvider.GOOGLE, token(claims().claim("email_verified", false)), NONCE);

    assertThat(identity.email()).isPresent();
    assertThat(identity.emailVerified()).isFalse();
  }

  @Test
  void verify_treatsMissingOrInvalidEmailAsAbsent() {
    SocialIdentity noEmail =
        verifier.verify(SocialProvider.GOOGLE, token(claims().claim("email", null)), NONCE);
    SocialIdentity badEmail =
        verifier.verify(
            SocialProvider.GOOGLE, token(claims().claim("email", "not an email")), NONCE);

    assertThat(noEmail.email()).isEmpty();
    assertThat(noEmail.emailVerified()).isFalse();
    assertThat(badEmail.email()).isEmpty();
    assertThat(badEmail.emailVerified()).isFalse();
  }

  @Test
  void verify_rejectionMessagesCarryNoTokenNonceOrEmail() {
    String token = token(claims().audience("someone-else"));

    assertThatThrownBy(() -> verifier.verify(SocialProvider.GOOGLE, token, NONCE))
        .isInstanceOf(SocialTokenRejectedException.class)
        .message()
        .doesNotContain(token.substring(0, 20))
        .doesNotContain(NONCE)
        .doesNotContain("Runner@Example.com")
        .doesNotContain("someone-else");
  }

  @Test
  void verify_unconfiguredProviderIsUnavailable() {
    assertThatThrownBy(() -> verifier.verify(SocialProvider.APPLE, token(claims()), NONCE))
        .isInstanceOf(SocialProviderUnavailableException.class)
        .hasFieldOrPropertyWithValue("provider", SocialProvider.APPLE);
  }
}
