package app.stride.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;

class JwtTokenVerifierTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private final TestKeys keys = new TestKeys("k1");
  private final JwtTokenVerifier verifier =
      JwtTokenVerifier.forJwks(
          keys.publicJwks(), TestKeys.ISSUER, TestKeys.AUDIENCE, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void verify_acceptsValidToken_andReadsCaller() {
    String token =
        keys.sign(
            keys.claims("user-1", "eu", NOW).claim("scope", "profile:read profile:write").build());

    Principal caller = verifier.verify(token);

    assertThat(caller.userId()).isEqualTo("user-1");
    assertThat(caller.homeRegion()).isEqualTo(RegionId.of("eu"));
    assertThat(caller.scopes()).containsExactlyInAnyOrder("profile:read", "profile:write");
  }

  @Test
  void verify_rejectsAlgNone() {
    String valid = keys.sign(keys.claims("user-1", "eu", NOW).build());
    String[] parts = valid.split("\\.");
    String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"k1\"}");

    assertUnauthorized(header + "." + parts[1] + ".");
  }

  @Test
  void verify_rejectsHs256SignedWithThePublicKey() throws Exception {
    byte[] publicKeyBytes = keys.key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
            keys.claims("attacker", "eu", NOW).build());
    forged.sign(new MACSigner(pad(publicKeyBytes)));

    assertUnauthorized(forged.serialize());
  }

  @Test
  void verify_rejectsUnknownKid() {
    TestKeys other = new TestKeys("k2");

    assertUnauthorized(other.sign(other.claims("user-1", "eu", NOW).build()));
  }

  @Test
  void verify_rejectsKnownKidWithAnotherKeysSignature() {
    TestKeys impostor = new TestKeys("k1");

    assertUnauthorized(impostor.sign(impostor.claims("user-1", "eu", NOW).build()));
  }

  @Test
  void verify_rejectsExpiredToken() {
    JWTClaimsSet claims =
        keys.claims("user-1", "eu", NOW.minusSeconds(3600))
            .expirationTime(Date.from(NOW.minusSeconds(60)))
            .build();

    assertUnauthorized(keys.sign(claims));
  }

  @Test
  void verify_rejectsNotYetValidToken() {
    JWTClaimsSet claims =
        keys.claims("user-1", "eu", NOW).notBeforeTime(Date.from(NOW.plusSeconds(600))).build();

    assertUnauthorized(keys.sign(claims));
  }

  @Test
  void verify_rejectsOtherIssuerAndAudience() {
    assertUnauthorized(
        keys.sign(keys.claims("u", "eu", NOW).issuer("https://evil.example").build()));
    assertUnauthorized(keys.sign(keys.claims("u", "eu", NOW).audience("other-api").build()));
  }

  @Test
  void verify_rejectsTokenWithoutHomeRegion() {
    JWTClaimsSet claims = keys.claims("user-1", "eu", NOW).claim("home_region", null).build();

    assertUnauthorized(keys.sign(claims));
  }

  @Test
  void verify_rejectsTamperedClaims() {
    String valid = keys.sign(keys.claims("user-1", "eu", NOW).build());
    String[] parts = valid.split("\\.");
    String payload =
        new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
            .replace("\"eu\"", "\"us\"");

    assertUnauthorized(parts[0] + "." + b64(payload) + "." + parts[2]);
  }

  @Test
  void verify_rejectsGarbageAndOversizedTokens() {
    assertUnauthorized("not-a-jwt");
    assertUnauthorized("a".repeat(10_000));
    assertUnauthorized("");
  }

  @Test
  void verifyAuthorization_requiresBearerScheme() {
    String token = keys.sign(keys.claims("user-1", "eu", NOW).build());

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
                    new com.nimbusds.jose.jwk.JWKSet(keys.key),
                    TestKeys.ISSUER,
                    TestKeys.AUDIENCE,
                    Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void assertUnauthorized(String token) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().type()).isEqualTo(ProblemType.UNAUTHORIZED.uri());
              assertThat(e.headers()).containsKey("WWW-Authenticate");
            });
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] pad(byte[] secret) {
    return secret.length >= 32 ? secret : java.util.Arrays.copyOf(secret, 32);
  }
}
