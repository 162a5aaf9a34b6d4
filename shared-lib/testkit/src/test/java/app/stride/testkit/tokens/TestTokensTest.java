package app.stride.testkit.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestTokensTest {
  private final TestTokens tokens = new TestTokens();

  @Test
  void accessToken_isVerifiableWithThePublishedKey_andCarriesTheClaims() throws Exception {
    SignedJWT jwt = SignedJWT.parse(tokens.accessToken("ana", "eu"));
    ECKey published = (ECKey) JWKSet.parse(tokens.publicJwks()).getKeyByKeyId(tokens.keyId("eu"));

    assertThat(jwt.verify(new ECDSAVerifier(published))).isTrue();
    assertThat(published.isPrivate()).isFalse();
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
    assertThat(jwt.getJWTClaimsSet().getStringClaim("home_region")).isEqualTo("eu");
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(TestTokens.AUDIENCE);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(published.getKeyID());
  }

  @Test
  void defaultSigner_hasOneRegionBoundKeyPerRegion_allPublished() throws Exception {
    JWKSet published = JWKSet.parse(tokens.publicJwks());

    assertThat(tokens.regions()).containsExactlyElementsOf(TestTokens.DEFAULT_REGIONS);
    assertThat(published.getKeys()).hasSize(3).noneMatch(JWK::isPrivate);
    for (String region : TestTokens.DEFAULT_REGIONS) {
      assertThat(tokens.keyId(region)).matches(region + "-[0-9]{8}-[0-9a-f]{8}");
      assertThat(published.getKeyByKeyId(tokens.keyId(region))).isNotNull();
    }
  }

  @Test
  void accessToken_isSignedByItsHomeRegionsKey() throws Exception {
    for (String region : List.of("us", "apac")) {
      SignedJWT jwt = SignedJWT.parse(tokens.accessToken("ana", region));

      assertThat(jwt.getHeader().getKeyID()).isEqualTo(tokens.keyId(region));
    }
  }

  @Test
  void sign_withAnotherRegionsKey_makesACrossRegionTokenForAttackTests() throws Exception {
    String crossRegion =
        tokens.sign(tokens.claims("ana", "us", Instant.now(), Duration.ofMinutes(1)).build(), "eu");

    assertThat(SignedJWT.parse(crossRegion).getHeader().getKeyID()).isEqualTo(tokens.keyId("eu"));
  }

  @Test
  void accessToken_forARegionWithoutKey_fails() {
    assertThatThrownBy(() -> tokens.accessToken("ana", "mars"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mars");
  }

  @Test
  void isKeyIdOf_bindsTheWholeRegionId() {
    assertThat(TestTokens.isKeyIdOf("eu-20261126-1a2b3c4d", "eu")).isTrue();
    assertThat(TestTokens.isKeyIdOf("eu-west-20261126-1a2b3c4d", "eu")).isFalse();
    assertThat(TestTokens.isKeyIdOf("us-20261126-1a2b3c4d", "eu")).isFalse();
    assertThat(TestTokens.isKeyIdOf("eu-k1", "eu")).isFalse();
  }

  @Test
  void constructor_refusesAPublicKey() {
    ECKey publicOnly = TestTokens.generateFor("eu").toPublicJWK();

    assertThatThrownBy(() -> new TestTokens(Map.of("eu", publicOnly), "i", "a"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructor_refusesAKeyWhoseIdIsNotOfItsRegion() {
    ECKey usKey = TestTokens.generateFor("us");

    assertThatThrownBy(() -> new TestTokens(Map.of("eu", usKey), "i", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region eu");
  }
}
