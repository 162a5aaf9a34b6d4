package app.stride.bench.coldstart.setup;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A throwaway ES256 signing key, made fresh for each bench run and never written to disk: only its
 * public JWKS and the tokens it signs leave this class.
 */
public final class TokenMint {
  private final ECKey key;
  private final String issuer;
  private final String audience;

  private TokenMint(ECKey key, String issuer, String audience) {
    this.key = key;
    this.issuer = issuer;
    this.audience = audience;
  }

  /** A new P-256 key for tokens of {@code issuer} meant for {@code audience}. */
  public static TokenMint generate(String issuer, String audience) {
    try {
      ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench-" + UUID.randomUUID()).generate();
      return new TokenMint(key, issuer, audience);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a P-256 key", e);
    }
  }

  /** The public JWKS document a verifier of these tokens needs. */
  public String publicJwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /** An access token for {@code subject} homed in {@code homeRegion}, valid for {@code ttl}. */
  public String accessToken(String subject, String homeRegion, Instant now, Duration ttl) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(subject)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString())
            .claim("home_region", homeRegion)
            .claim("scope", "profile")
            .build();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.ES256)
            .keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign the bench token", e);
    }
    return jwt.serialize();
  }
}
