package app.stride.bench.coldstart.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenMintTest {
  private final TokenMint mint = TokenMint.generate("https://issuer.test", "stride-test");

  @Test
  void token_verifiesWithThePublishedJwks_andCarriesTheCallersClaims() throws Exception {
    String token = mint.accessToken("ana", "eu", Instant.now(), Duration.ofMinutes(5));

    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.ES256, new ImmutableJWKSet<>(JWKSet.parse(mint.publicJwks()))));
    JWTClaimsSet claims = processor.process(token, null);

    assertThat(claims.getSubject()).isEqualTo("ana");
    assertThat(claims.getIssuer()).isEqualTo("https://issuer.test");
    assertThat(claims.getAudience()).containsExactly("stride-test");
    assertThat(claims.getStringClaim("home_region")).isEqualTo("eu");
    assertThat(claims.getJWTID()).isNotBlank();
  }

  @Test
  void publishedJwks_holdsNoPrivateKey() throws Exception {
    JWKSet jwks = JWKSet.parse(mint.publicJwks());

    assertThat(jwks.getKeys()).singleElement().matches(key -> !key.isPrivate());
  }
}
