package app.stride.profiles.gcp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Access tokens signed in the test with a fresh EC P-256 key, as the auth capability would issue
 * them.
 */
final class TestTokens {
  static final String ISSUER = "https://auth.stride.test";
  static final String AUDIENCE = "stride-mobile";

  private final ECKey key;

  TestTokens() {
    try {
      key = new ECKeyGenerator(Curve.P_256).keyID("test-" + UUID.randomUUID()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public JWKS the function trusts ({@code STRIDE_LOCAL_JWKS}). */
  String publicJwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /** A valid ES256 access token of {@code userId} homed in {@code homeRegion}. */
  String accessToken(String userId, String homeRegion) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(userId)
            .claim("home_region", homeRegion)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
