package app.stride.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.crypto.NativeCrypto;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shared verifier against every token attack the auth issue lists: each attack is its own test,
 * and each starts from a token the verifier accepts, changed in one way. Signatures are checked on
 * the provider the functions use here (the native one, see {@link NativeCrypto}); {@link
 * JwtTokenVerifierOnJdkTest} runs every case again on the JDK's.
 */
class JwtTokenVerifierTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private final TestKeys eu = TestKeys.forRegion("eu");
  private final TestKeys us = TestKeys.forRegion("us");
  private final TestKeys euWest = TestKeys.forRegion("eu-west");
  private final JwtTokenVerifier verifier =
      JwtTokenVerifier.forJwks(
          TestKeys.publicJwks(eu, us, euWest),
          TestKeys.ISSUER,
          TestKeys.AUDIENCE,
          Clock.fixed(NOW, ZoneOffset.UTC),
          signatureProvider());

  /** The provider the verifier under test checks signatures on. */
  Optional<Provider> signatureProvider() {
    return NativeCrypto.provider();
  }

  @Test
  void verifier_checksSignaturesOnTheGivenProvider() {
    assertThat(verifier.signatureProvider())
        .isEqualTo(signatureProvider().map(Provider::getName).orElse("JDK"));
  }

  @Test
  void verify_acceptsValidToken_andReadsCaller() {
    String token =
        eu.sign(
            eu.claims("user-1", "eu", NOW).claim("scope", "profile:read profile:write").build());

    Principal caller = verifier.verify(token);

    assertThat(caller.userId()).isEqualTo("user-1");
    assertThat(caller.homeRegion()).isEqualTo(RegionId.of("eu"));
    assertThat(caller.scopes()).containsExactlyInAnyOrder("profile:read", "profile:write");
  }

  @Test
  void verify_acceptsTheAuthServicesAtJwtType_andEachRegionsOwnKey() {
    String token =
        us.sign(
            us.header().type(new JOSEObjectType("at+jwt")).build(),
            us.claims("user-2", "us", NOW).build());

    assertThat(verifier.verify(token).homeRegion()).isEqualTo(RegionId.of("us"));
  }

  @Test
  void verify_toleratesThirtySecondsOfClockSkew() {
    String justExpired =
        eu.sign(
            eu.claims("user-1", "eu", NOW.minusSeconds(900))
                .expirationTime(Date.from(NOW.minusSeconds(20)))
                .build());
    String almostValid =
        eu.sign(
            eu.claims("user-1", "eu", NOW).notBeforeTime(Date.from(NOW.plusSeconds(20))).build());

    assertThat(verifier.verify(justExpired).userId()).isEqualTo("user-1");
    assertThat(verifier.verify(almostValid).userId()).isEqualTo("user-1");
  }

  @Test
  void verify_rejectsAlgNone() {
    String valid = eu.sign(eu.claims("user-1", "eu", NOW).build());
    String payload = valid.split("\\.")[1];

    for (String alg : List.of("none", "None", "NONE", "nOnE")) {
      String header = b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + eu.kid() + "\"}");
      assertUnauthorized(header + "." + payload + ".");
      assertUnauthorized(header + "." + payload + "." + valid.split("\\.")[2]);
    }
  }

  @Test
  void verify_rejectsHs256SignedWithThePublicKeyAsHmacSecret() throws Exception {
    byte[] der = eu.key.toECPublicKey().getEncoded();
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der)
            + "\n-----END PUBLIC KEY-----\n";
    byte[] jwkJson = eu.key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);

    for (byte[] secret : List.of(der, pem.getBytes(StandardCharsets.US_ASCII), jwkJson)) {
      SignedJWT forged =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(eu.kid()).build(),
              eu.claims("attacker", "eu", NOW).build());
      forged.sign(new MACSigner(secret));
      assertUnauthorized(forged.serialize());
    }
  }

  @Test
  void verify_rejectsUnknownKid() {
    TestKeys unpublished = TestKeys.forRegion("eu");

    assertUnauthorized(unpublished.sign(unpublished.claims("user-1", "eu", NOW).build()));
  }

  @Test
  void verify_rejectsKnownKidWithAnotherKeysSignature() {
    TestKeys impostor = new TestKeys(eu.kid());

    assertUnauthorized(impostor.sign(impostor.claims("user-1", "eu", NOW).build()));
  }

  @Test
  void verify_rejectsTokenWithoutKid_evenWhenItsSignatureMatchesAPublishedKey() {
    JWSHeader noKid = new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build();

    assertUnauthorized(eu.sign(noKid, eu.claims("user-1", "eu", NOW).build()));
  }

  @Test
  void verify_rejectsAttackerKeyEmbeddedInTheHeader() {
    TestKeys attacker = new TestKeys(eu.kid());
    JWSHeader injected = attacker.header().jwk(attacker.key.toPublicJWK()).build();

    assertUnauthorized(attacker.sign(injected, attacker.claims("attacker", "eu", NOW).build()));
  }

  @Test
  void verify_rejectsExpiredToken() {
    JWTClaimsSet claims =
        eu.claims("user-1", "eu", NOW.minusSeconds(3600))
            .expirationTime(Date.from(NOW.minusSeconds(60)))
            .build();

    assertUnauthorized(eu.sign(claims));
  }

  @Test
  void verify_rejectsTokenWithoutExpiry() {
    assertUnauthorized(eu.sign(eu.claims("user-1", "eu", NOW).expirationTime(null).build()));
  }

  @Test
  void verify_rejectsNotYetValidToken_beyondClockSkew() {
    JWTClaimsSet claims =
        eu.claims("user-1", "eu", NOW).notBeforeTime(Date.from(NOW.plusSeconds(60))).build();

    assertUnauthorized(eu.sign(claims));
  }

  @Test
  void verify_rejectsTokenOfAnotherRegion_signedByAnEuKeyButClaimingUs() {
    String crossRegion = eu.sign(eu.claims("user-1", "us", NOW).build());

    assertUnauthorizedWithDetail(crossRegion, "another region");
    assertThat(verifier.verify(us.sign(us.claims("user-1", "us", NOW).build())).userId())
        .isEqualTo("user-1");
  }

  @Test
  void verify_rejectsKeyOfARegionWhoseIdOnlyStartsWithTheHomeRegion() {
    assertThat(euWest.kid()).startsWith("eu-");

    assertUnauthorizedWithDetail(
        euWest.sign(euWest.claims("user-1", "eu", NOW).build()), "another region");
  }

  @Test
  void verify_rejectsKidThatIsNotARegionKeyId() {
    TestKeys loose = new TestKeys("eu-key-1");
    JwtTokenVerifier trustsLooseKey =
        JwtTokenVerifier.forJwks(
            loose.publicJwks(),
            TestKeys.ISSUER,
            TestKeys.AUDIENCE,
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(
            () -> trustsLooseKey.verify(loose.sign(loose.claims("u", "eu", NOW).build())))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void verify_rejectsTamperedClaims() {
    String valid = eu.sign(eu.claims("user-1", "eu", NOW).build());
    String[] parts = valid.split("\\.");
    String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8);

    assertUnauthorized(parts[0] + "." + b64(payload.replace("\"eu\"", "\"us\"")) + "." + parts[2]);
    assertUnauthorized(
        parts[0] + "." + b64(payload.replace("\"user-1\"", "\"admin\"")) + "." + parts[2]);
  }

  @Test
  void verify_rejectsAllZeroSignature_cve202221449() {
    String[] parts = eu.sign(eu.claims("user-1", "eu", NOW).build()).split("\\.");
    String zeros = Base64URL.encode(new byte[64]).toString();

    assertUnauthorized(parts[0] + "." + parts[1] + "." + zeros);
  }

  @Test
  void verify_rejectsTamperedHeader() {
    String valid = eu.sign(eu.claims("user-1", "us", NOW).build());
    String[] parts = valid.split("\\.");
    String header =
        new String(Base64URL.from(parts[0]).decode(), StandardCharsets.UTF_8)
            .replace(eu.kid(), us.kid());

    assertUnauthorized(b64(header) + "." + parts[1] + "." + parts[2]);
  }

  @Test
  void verify_rejectsWrongIssuer() {
    assertUnauthorized(eu.sign(eu.claims("u", "eu", NOW).issuer("https://evil.example").build()));
    assertUnauthorized(eu.sign(eu.claims("u", "eu", NOW).issuer(null).build()));
  }

  @Test
  void verify_rejectsWrongAudience() {
    assertUnauthorized(eu.sign(eu.claims("u", "eu", NOW).audience("other-api").build()));
    assertUnauthorized(eu.sign(eu.claims("u", "eu", NOW).audience((String) null).build()));
  }

  @Test
  void verify_rejectsTokenWithoutJti() {
    assertUnauthorized(eu.sign(eu.claims("user-1", "eu", NOW).jwtID(null).build()));
  }

  @Test
  void verify_rejectsTokenWithoutSub() {
    assertUnauthorized(eu.sign(eu.claims("user-1", "eu", NOW).subject(null).build()));
  }

  @Test
  void verify_rejectsTokenWithoutHomeRegion() {
    assertUnauthorized(eu.sign(eu.claims("user-1", "eu", NOW).claim("home_region", null).build()));
  }

  @Test
  void verify_rejectsHomeRegionThatIsNoRegionId() {
    assertUnauthorized(eu.sign(eu.claims("user-1", "EU", NOW).build()));
    assertUnauthorized(eu.sign(eu.claims("user-1", "eu", NOW).claim("home_region", 7).build()));
  }

  @Test
  void verify_rejectsOversizedToken_evenWithAValidSignature() {
    String oversized =
        eu.sign(eu.claims("user-1", "eu", NOW).claim("pad", "x".repeat(9_000)).build());

    assertUnauthorizedWithDetail(oversized, "too long");
  }

  @Test
  void verify_rejectsGarbage() {
    String nonUtf8 =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, 0x7b});

    assertUnauthorized("not-a-jwt");
    assertUnauthorized("a.b.c");
    assertUnauthorized("..");
    assertUnauthorized(nonUtf8 + "." + nonUtf8 + "." + nonUtf8);
    assertUnauthorized("a.b.c.d.e");
    assertUnauthorized("");
    assertUnauthorized("   ");
    assertUnauthorized(null);
  }

  @Test
  void verifyAuthorization_requiresBearerScheme() {
    String token = eu.sign(eu.claims("user-1", "eu", NOW).build());

    assertThat(verifier.verifyAuthorization("bearer " + token).userId()).isEqualTo("user-1");
    assertThatThrownBy(() -> verifier.verifyAuthorization("Basic dXNlcjpwdw=="))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> verifier.verifyAuthorization(null))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void forJwks_refusesPrivateKeys() {
    assertThatThrownBy(
            () ->
                JwtTokenVerifier.forJwks(
                    new com.nimbusds.jose.jwk.JWKSet(eu.key),
                    TestKeys.ISSUER,
                    TestKeys.AUDIENCE,
                    Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void assertUnauthorized(String token) {
    assertUnauthorizedWithDetail(token, "");
  }

  private void assertUnauthorizedWithDetail(String token, String detail) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().type()).isEqualTo(ProblemType.UNAUTHORIZED.uri());
              assertThat(e.problem().detail()).contains(detail);
              assertThat(e.headers()).containsKey("WWW-Authenticate");
            });
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
