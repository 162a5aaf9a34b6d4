package app.stride.profiles.aws;

import app.stride.core.auth.JwtTokenVerifier;
import app.stride.core.auth.Principal;
import app.stride.core.auth.RegionKeyIds;
import app.stride.core.region.RegionId;
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
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * SnapStart priming of token verification: a fresh ES256 key (with a key id of the token's home
 * region, as the verifier demands) signs one token, and a verifier that trusts only that key's
 * public half verifies it. The key lives for the call only; neither the key nor the verifier is
 * reachable by the function, so no request can be authenticated with it.
 */
final class ThrowawayToken {
  private static final String ISSUER = "https://snapstart-priming.invalid";
  private static final String AUDIENCE = "snapstart-priming";
  private static final String SUBJECT = "snapstart-priming";
  private static final String HOME_REGION = "eu";

  private ThrowawayToken() {}

  /** Signs and verifies one throwaway token; returns the subject the verifier read. */
  static String verifyOnce() {
    Clock clock = Clock.systemUTC();
    try {
      Instant now = clock.instant();
      ECKey key =
          new ECKeyGenerator(Curve.P_256)
              .keyID(RegionKeyIds.newKeyId(RegionId.of(HOME_REGION), now))
              .generate();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              new JWTClaimsSet.Builder()
                  .issuer(ISSUER)
                  .audience(AUDIENCE)
                  .subject(SUBJECT)
                  .claim(JwtTokenVerifier.HOME_REGION_CLAIM, HOME_REGION)
                  .jwtID(UUID.randomUUID().toString())
                  .issueTime(Date.from(now))
                  .expirationTime(Date.from(now.plusSeconds(60)))
                  .build());
      jwt.sign(new ECDSASigner(key));
      Principal principal =
          JwtTokenVerifier.forJwks(new JWKSet(key.toPublicJWK()), ISSUER, AUDIENCE, clock)
              .verify(jwt.serialize());
      return principal.userId();
    } catch (JOSEException e) {
      throw new IllegalStateException("SnapStart priming could not sign its throwaway token", e);
    }
  }
}
