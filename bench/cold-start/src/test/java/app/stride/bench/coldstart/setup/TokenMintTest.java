package app.stride.bench.coldstart.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
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
  void publishedJwks_holdsOnePublicKeyPerRegion_andNoPrivateKey() throws Exception {
    JWKSet jwks = JWKSet.parse(mint.publicJwks());

    assertThat(jwks.getKeys()).hasSize(TokenMint.REGIONS.size()).noneMatch(JWK::isPrivate);
  }

  @Test
  void token_isSignedByItsHomeRegionsKey_whoseIdBindsTheRegion() throws Exception {
    for (String region : TokenMint.REGIONS) {
      String token = mint.accessToken("ana", region, Instant.now(), Duration.ofMinutes(5));

      assertThat(SignedJWT.parse(token).getHeader().getKeyID())
          .matches(region + "-[0-9]{8}-[0-9a-f]{8}");
    }
  }
}
