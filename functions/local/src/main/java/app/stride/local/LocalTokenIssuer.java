package app.stride.local;

import app.stride.core.auth.JwtTokenVerifier;
import app.stride.core.auth.TokenVerifier;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Signs development access tokens with a local EC P-256 key kept in the data folder (owner-only).
 * Exists only in the local platform: cloud deployables never contain it, and functions accept its
 * public key only when started with {@code STRIDE_LOCAL_MODE=true}.
 */
public final class LocalTokenIssuer {
  /** The issuer of local tokens. */
  public static final String ISSUER = "https://local.stride.dev";

  /** The audience of every Stride access token. */
  public static final String AUDIENCE = "stride-api";

  /** How long a local token lives, as production access tokens do. */
  public static final Duration LIFETIME = Duration.ofMinutes(15);

  private final ECKey key;
  private final Clock clock;

  private LocalTokenIssuer(ECKey key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  /** Loads the key from {@code dataDir/local-signing-key.jwk}, creating it on first use. */
  public static LocalTokenIssuer load(Path dataDir, Clock clock) {
    Path file = dataDir.resolve("local-signing-key.jwk");
    try {
      if (Files.exists(file)) {
        return new LocalTokenIssuer(ECKey.parse(Files.readString(file)), clock);
      }
      ECKey key = new ECKeyGenerator(Curve.P_256).keyID("local-" + UUID.randomUUID()).generate();
      Files.createDirectories(dataDir);
      Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: nothing more to restrict
      }
      return new LocalTokenIssuer(key, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("bad local signing key in " + file, e);
    }
  }

  /** The public JWKS the functions trust in local mode. */
  public String publicJwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /** The token environment every local function is started with. */
  public Map<String, String> functionEnv() {
    return Map.of(
        "STRIDE_JWT_ISSUER",
        ISSUER,
        "STRIDE_JWT_AUDIENCE",
        AUDIENCE,
        "STRIDE_LOCAL_MODE",
        "true",
        "STRIDE_LOCAL_JWKS",
        publicJwks());
  }

  /** A verifier of the tokens this issuer signs, as the gateway's JWT authorizer. */
  public TokenVerifier verifier() {
    return JwtTokenVerifier.forJwks(new JWKSet(key.toPublicJWK()), ISSUER, AUDIENCE, clock);
  }

  /** A signed access token for {@code userId} homed in {@code homeRegion}. */
  public String issue(String userId, String homeRegion) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(userId)
            .claim(JwtTokenVerifier.HOME_REGION_CLAIM, homeRegion)
            .claim("scope", "profile:read profile:write")
            .claim("amr", java.util.List.of("dev"))
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
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
      throw new IllegalStateException("cannot sign a local token", e);
    }
    return jwt.serialize();
  }
}
