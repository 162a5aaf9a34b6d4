package app.stride.testkit.tokens;

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
 * Signs ES256 access tokens with a P-256 key, as the auth service does: header {@code kid} and
 * {@code typ: JWT}; claims {@code iss}, {@code aud}, {@code sub}, {@code home_region}, {@code jti},
 * {@code iat}, {@code exp}. Functions trust its {@link #publicJwks()} only when started in local
 * mode.
 */
public final class TestTokens {
  /** The issuer test tokens carry unless told otherwise. */
  public static final String ISSUER = "https://auth.stride.test";

  /** The audience of Stride access tokens. */
  public static final String AUDIENCE = "stride-api";

  private final ECKey key;
  private final String issuer;
  private final String audience;

  /** A signer with a fresh key, the test issuer and audience. */
  public TestTokens() {
    this(generate("test-" + UUID.randomUUID()), ISSUER, AUDIENCE);
  }

  /** A signer with the given private key, issuer and audience. */
  public TestTokens(ECKey key, String issuer, String audience) {
    if (!key.isPrivate()) {
      throw new IllegalArgumentException("signing needs the private key");
    }
    this.key = key;
    this.issuer = issuer;
    this.audience = audience;
  }

  /** A new P-256 signing key with the given key id. */
  public static ECKey generate(String keyId) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a P-256 key", e);
    }
  }

  /** The public JWKS to configure as {@code STRIDE_LOCAL_JWKS}. */
  public String publicJwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /** The issuer this signer puts in {@code iss}. */
  public String issuer() {
    return issuer;
  }

  /** The audience this signer puts in {@code aud}. */
  public String audience() {
    return audience;
  }

  /** An access token for {@code userId} homed in {@code homeRegion}, valid for ten minutes. */
  public String accessToken(String userId, String homeRegion) {
    return sign(claims(userId, homeRegion, Instant.now(), Duration.ofMinutes(10)).build());
  }

  /** The standard claims, to adjust before {@link #sign}. */
  public JWTClaimsSet.Builder claims(
      String userId, String homeRegion, Instant issuedAt, Duration lifetime) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .subject(userId)
        .claim("home_region", homeRegion)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(issuedAt))
        .expirationTime(Date.from(issuedAt.plus(lifetime)));
  }

  /** Signs any claims with this signer's key. */
  public String sign(JWTClaimsSet claims) {
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
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }
}
