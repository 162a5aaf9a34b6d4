package app.stride.bench.coldstart.plain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies ES256 bearer tokens against the public JWKS in {@code STRIDE_LOCAL_JWKS}: issuer and
 * audience exact ({@code STRIDE_JWT_ISSUER}, {@code STRIDE_JWT_AUDIENCE}), expiry checked, {@code
 * sub}, {@code jti} and {@code home_region} required.
 */
final class BearerTokens {
  private static final String BEARER = "Bearer ";

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  BearerTokens(JWKSet publicKeys, String issuer, String audience) {
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt")));
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(publicKeys)));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            audience,
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("sub", "exp", "iat", "jti", "home_region")));
  }

  static BearerTokens fromEnv(Map<String, String> env) {
    try {
      return new BearerTokens(
          JWKSet.parse(required(env, "STRIDE_LOCAL_JWKS")),
          required(env, "STRIDE_JWT_ISSUER"),
          required(env, "STRIDE_JWT_AUDIENCE"));
    } catch (ParseException e) {
      throw new IllegalStateException("STRIDE_LOCAL_JWKS is not a JWKS document", e);
    }
  }

  /** The caller of a valid {@code Authorization: Bearer} header, empty for anything else. */
  Optional<Caller> verify(String authorization) {
    if (authorization == null || !authorization.startsWith(BEARER)) {
      return Optional.empty();
    }
    try {
      JWTClaimsSet claims = processor.process(authorization.substring(BEARER.length()), null);
      return Optional.of(new Caller(claims.getSubject(), claims.getStringClaim("home_region")));
    } catch (ParseException | BadJOSEException | JOSEException e) {
      return Optional.empty();
    }
  }

  static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("missing configuration " + name);
    }
    return value;
  }

  /**
   * The verified caller.
   *
   * @param userId the token's subject
   * @param homeRegion the token's {@code home_region}
   */
  record Caller(String userId, String homeRegion) {}
}
