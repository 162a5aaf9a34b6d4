package app.stride.testkit.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

class TestTokensTest {
  @Test
  void accessToken_isVerifiableWithThePublishedKey_andCarriesTheClaims() throws Exception {
    TestTokens tokens = new TestTokens();

    SignedJWT jwt = SignedJWT.parse(tokens.accessToken("ana", "eu"));
    ECKey published = (ECKey) JWKSet.parse(tokens.publicJwks()).getKeys().get(0);

    assertThat(jwt.verify(new ECDSAVerifier(published))).isTrue();
    assertThat(published.isPrivate()).isFalse();
    assertThat(jwt.getJWTClaimsSet().getStringClaim("home_region")).isEqualTo("eu");
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(TestTokens.AUDIENCE);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(published.getKeyID());
  }

  @Test
  void constructor_refusesAPublicKey() {
    ECKey publicOnly = TestTokens.generate("k").toPublicJWK();

    assertThatThrownBy(() -> new TestTokens(publicOnly, "i", "a"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
