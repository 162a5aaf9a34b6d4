package app.stride.testkit.tokens;

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
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Signs ES256 access tokens as the auth service does: one P-256 key per region, each with a
 * region-bound key id {@code <region>-<yyyyMMdd>-<8 hex>} (the shared verifier refuses a token
 * whose {@code kid} is not a key id of its {@code home_region}); header {@code kid} and {@code typ:
 * at+jwt}; claims {@code iss}, {@code aud}, {@code sub}, {@code home_region}, {@code jti}, {@code
 * iat}, {@code nbf}, {@code exp}. Functions trust its {@link #publicJwks()} only when started in
 * local mode.
 */
public final class TestTokens {
  /** The issuer test tokens carry unless told otherwise. */
  public static final String ISSUER = "https://auth.stride.test";

  /** The audience of Stride access tokens. */
  public static final String AUDIENCE = "stride-api";

  /** The regions a default signer holds keys for: those of the bundled region catalog. */
  public static final List<String> DEFAULT_REGIONS = List.of("eu", "us", "apac");

  private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9-]{1,15}");
  private static final Pattern KEY_ID_TAIL = Pattern.compile("[0-9]{8}-[0-9a-f]{8}");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, ECKey> keysByRegion;
  private final String issuer;
  private final String audience;

  /**
   * A signer with a fresh key for each of the {@link #DEFAULT_REGIONS}, test issuer and audience.
   */
  public TestTokens() {
    this(DEFAULT_REGIONS);
  }

  /** A signer with a fresh key for each of {@code regions}, the test issuer and audience. */
  public TestTokens(Collection<String> regions) {
    this(generateKeys(regions), ISSUER, AUDIENCE);
  }

  /**
   * A signer with the given private keys (one per region; each key id a key id of its region),
   * issuer and audience.
   */
  public TestTokens(Map<String, ECKey> keysByRegion, String issuer, String audience) {
    if (keysByRegion.isEmpty()) {
      throw new IllegalArgumentException("a signer needs at least one region's key");
    }
    keysByRegion.forEach(
        (region, key) -> {
          if (!key.isPrivate()) {
            throw new IllegalArgumentException("signing needs the private key");
          }
          if (!isKeyIdOf(key.getKeyID(), region)) {
            throw new IllegalArgumentException(
                "key id " + key.getKeyID() + " is not a key id of region " + region);
          }
        });
    this.keysByRegion = Collections.unmodifiableMap(new LinkedHashMap<>(keysByRegion));
    this.issuer = issuer;
    this.audience = audience;
  }

  /** A new P-256 signing key with the given key id (any id: for tests of bad key ids). */
  public static ECKey generate(String keyId) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a P-256 key", e);
    }
  }

  /** A new P-256 signing key of {@code region}, with a fresh region-bound key id. */
  public static ECKey generateFor(String region) {
    return generate(newKeyId(region, Instant.now()));
  }

  /** A region-bound key id: {@code <region>-<yyyyMMdd>-<8 hex>}, as the auth service makes them. */
  public static String newKeyId(String region, Instant createdAt) {
    if (region == null || !REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("not a region id: " + region);
    }
    return region
        + "-"
        + DAY.format(createdAt)
        + "-"
        + HexFormat.of().toHexDigits(RANDOM.nextInt());
  }

  /** Whether {@code kid} is a key id of {@code region} (the rule the shared verifier applies). */
  public static boolean isKeyIdOf(String kid, String region) {
    if (kid == null || region == null || !kid.startsWith(region + "-")) {
      return false;
    }
    return KEY_ID_TAIL.matcher(kid.substring(region.length() + 1)).matches();
  }

  /** The public JWKS (every region's key) to configure as {@code STRIDE_LOCAL_JWKS}. */
  public String publicJwks() {
    List<JWK> keys = keysByRegion.values().stream().map(k -> (JWK) k.toPublicJWK()).toList();
    return new JWKSet(keys).toString();
  }

  /** The regions this signer holds keys for. */
  public Set<String> regions() {
    return keysByRegion.keySet();
  }

  /** The key id of {@code region}'s key. */
  public String keyId(String region) {
    return key(region).getKeyID();
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
        .notBeforeTime(Date.from(issuedAt))
        .expirationTime(Date.from(issuedAt.plus(lifetime)));
  }

  /**
   * Signs any claims with the key of their {@code home_region}.
   *
   * @throws IllegalArgumentException when the claims name no region this signer holds a key for
   *     (use {@link #sign(JWTClaimsSet, String)} to pick a key)
   */
  public String sign(JWTClaimsSet claims) {
    String home;
    try {
      home = claims.getStringClaim("home_region");
    } catch (ParseException e) {
      throw new IllegalArgumentException("home_region is not a string", e);
    }
    return sign(claims, home);
  }

  /** Signs any claims with the key of {@code keyRegion}, whatever region they claim. */
  public String sign(JWTClaimsSet claims, String keyRegion) {
    ECKey key = key(keyRegion);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt"))
                .build(),
            claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }

  private ECKey key(String region) {
    ECKey key = keysByRegion.get(region);
    if (key == null) {
      throw new IllegalArgumentException(
          "no test key for region " + region + "; this signer has " + keysByRegion.keySet());
    }
    return key;
  }

  private static Map<String, ECKey> generateKeys(Collection<String> regions) {
    Map<String, ECKey> keys = new LinkedHashMap<>();
    for (String region : regions) {
      keys.put(region, generateFor(region));
    }
    return keys;
  }
}
