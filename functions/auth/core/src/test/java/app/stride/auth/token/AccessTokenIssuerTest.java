package app.stride.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.auth.Principal;
import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokenIssuerTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00.750Z");
  private static final Instant NOW_SECONDS = Instant.parse("2026-11-26T10:00:00Z");
  private final KeyRing eu = KeyRing.bootstrap(RegionId.of("eu"), NOW);
  private final AccessTokenIssuer issuer = TokenFixtures.issuerAt(NOW);

  @Test
  void issue_header_isEs256_atJwt_andTheCurrentKeysRegionBoundKid() throws Exception {
    SignedJWT jwt = SignedJWT.parse(issuePwd(eu).token());

    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
    assertThat(jwt.getHeader().getKeyID())
        .isEqualTo(eu.signingKey().kid())
        .matches("eu-20261126-[0-9a-f]{8}");
    assertThat(jwt.getHeader().getJWK()).isNull();
  }

  @Test
  void issue_claims_areExactlyTheListedOnes() throws Exception {
    IssuedAccessToken issued =
        issuer.issue(eu, "user-1", Set.of("profile:write", "profile:read"), List.of("pwd", "otp"));

    JWTClaimsSet claims = SignedJWT.parse(issued.token()).getJWTClaimsSet();

    assertThat(claims.getClaims().keySet())
        .containsExactlyInAnyOrder(
            "iss", "aud", "sub", "home_region", "scope", "amr", "jti", "iat", "nbf", "exp");
    assertThat(claims.getIssuer()).isEqualTo(TokenFixtures.ISSUER);
    assertThat(claims.getAudience()).containsExactly(TokenFixtures.AUDIENCE);
    assertThat(claims.getSubject()).isEqualTo("user-1");
    assertThat(claims.getStringClaim("home_region")).isEqualTo("eu");
    assertThat(claims.getStringClaim("scope")).isEqualTo("profile:read profile:write");
    assertThat(claims.getStringListClaim("amr")).containsExactly("pwd", "otp");
    assertThat(claims.getJWTID()).isEqualTo(issued.jti());
    assertThat(UUID.fromString(issued.jti())).isNotNull();
    assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW_SECONDS));
    assertThat(claims.getNotBeforeTime()).isEqualTo(Date.from(NOW_SECONDS));
    assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW_SECONDS.plusSeconds(900)));
  }

  @Test
  void issue_reportsExpiryAndLifetime_asTheTokenSaysThem() {
    IssuedAccessToken issued = issuePwd(eu);

    assertThat(issued.expiresAt()).isEqualTo(NOW_SECONDS.plus(Duration.ofMinutes(15)));
    assertThat(issued.expiresInSeconds()).isEqualTo(900);
  }

  @Test
  void issue_eachTokenHasItsOwnJti() {
    assertThat(issuePwd(eu).jti()).isNotEqualTo(issuePwd(eu).jti());
  }

  @Test
  void issue_socialSignInWithoutScopes_hasExtAmrAndNoScopeClaim() throws Exception {
    JWTClaimsSet claims =
        SignedJWT.parse(issuer.issue(eu, "user-1", Set.of(), List.of("ext")).token())
            .getJWTClaimsSet();

    assertThat(claims.getClaim("scope")).isNull();
    assertThat(claims.getStringListClaim("amr")).containsExactly("ext");
  }

  @Test
  void issue_theSharedVerifierAcceptsTheToken_andReadsTheCaller() {
    IssuedAccessToken issued = issuer.issue(eu, "user-1", Set.of("profile:read"), List.of("pwd"));

    Principal caller = TokenFixtures.verifierOf(eu, NOW).verify(issued.token());

    assertThat(caller.userId()).isEqualTo("user-1");
    assertThat(caller.homeRegion()).isEqualTo(RegionId.of("eu"));
    assertThat(caller.scopes()).containsExactly("profile:read");
    assertThat(caller.tokenId()).isEqualTo(issued.jti());
  }

  @Test
  void issue_homeRegionIsAlwaysTheRingsRegion_soAnotherRegionsVerifierCannotBeFooled() {
    KeyRing us = KeyRing.bootstrap(RegionId.of("us"), NOW);
    String usToken = issuePwd(us).token();
    JWKSet both = new JWKSet(List.of(eu.signingKey().publicJwk(), us.signingKey().publicJwk()));

    Principal caller =
        app.stride.core.auth.JwtTokenVerifier.forJwks(
                both,
                TokenFixtures.ISSUER,
                TokenFixtures.AUDIENCE,
                Clock.fixed(NOW, ZoneOffset.UTC))
            .verify(usToken);

    assertThat(caller.homeRegion()).isEqualTo(RegionId.of("us"));
    assertThatThrownBy(() -> TokenFixtures.verifierOf(eu, NOW).verify(usToken))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void issue_refusesMissingUserOrMethodAndWhitespaceInScopes() {
    assertThatThrownBy(() -> issuer.issue(eu, " ", Set.of(), List.of("pwd")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> issuer.issue(eu, "user-1", Set.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> issuer.issue(eu, "user-1", Set.of("a b"), List.of("pwd")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> issuer.issue(eu, "user-1", Set.of(""), List.of("pwd")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructor_refusesLifetimesThatAreNotWholePositiveSeconds() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    assertThatThrownBy(() -> new AccessTokenIssuer("i", "a", Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AccessTokenIssuer("i", "a", Duration.ofMillis(1500), clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AccessTokenIssuer("", "a", Duration.ofMinutes(15), clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void issuedToken_toString_leavesTheTokenOut() {
    IssuedAccessToken issued = issuePwd(eu);

    assertThat(issued.toString()).contains(issued.jti()).doesNotContain(issued.token());
    assertThat(issued.toString()).doesNotContain(issued.token().split("\\.")[2]);
  }

  private IssuedAccessToken issuePwd(KeyRing ring) {
    return issuer.issue(ring, "user-1", Set.of("profile:read"), List.of("pwd"));
  }
}
