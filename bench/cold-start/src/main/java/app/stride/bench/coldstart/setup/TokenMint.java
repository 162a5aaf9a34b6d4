package app.stride.bench.coldstart.setup;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Throwaway ES256 signing keys, one per region, made fresh for each bench run and never written to
 * disk: only their public JWKS and the tokens they sign leave this class. Each key id binds its
 * region ({@code <region>-<yyyyMMdd>-<8 hex>}), as the shared verifier demands.
 */
public final class TokenMint {
  /** The regions a mint holds keys for: those of the bundled region catalog. */
  public static final List<String> REGIONS = List.of("eu", "us", "apac");

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  private final Map<String, ECKey> keysByRegion;
  private final String issuer;
  private final String audience;

  private TokenMint(Map<String, ECKey> keysByRegion, String issuer, String audience) {
    this.keysByRegion = keysByRegion;
    this.issuer = issuer;
    this.audience = audience;
  }

  /** New P-256 keys, one per region, for tokens of {@code issuer} meant for {@code audience}. */
  public static TokenMint generate(String issuer, String audience) {
    SecureRandom random = new SecureRandom();
    Map<String, ECKey> keys = new LinkedHashMap<>();
    try {
      for (String region : REGIONS) {
        String kid =
            region
                + "-"
                + DAY.format(Instant.now())
                + "-"
                + HexFormat.of().toHexDigits(random.nextInt());
        keys.put(region, new ECKeyGenerator(Curve.P_256).keyID(kid).generate());
      }
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a P-256 key", e);
    }
    return new TokenMint(Map.copyOf(keys), issuer, audience);
  }

  /** The public JWKS document a verifier of these tokens needs. */
  public String publicJwks() {
    List<JWK> keys = new ArrayList<>();
    for (String region : REGIONS) {
      keys.add(keysByRegion.get(region).toPublicJWK());
    }
    return new JWKSet(keys).toString();
  }

  /**
   * An access token for {@code subject} homed in {@code homeRegion}, valid for {@code ttl}, signed
   * by that region's key.
   */
  public String accessToken(String subject, String homeRegion, Instant now, Duration ttl) {
    ECKey key = homeRegion == null ? null : keysByRegion.get(homeRegion);
    if (key == null) {
      throw new IllegalArgumentException("no bench key for region " + homeRegion);
    }
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
