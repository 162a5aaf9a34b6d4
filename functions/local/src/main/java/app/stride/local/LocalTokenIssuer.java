package app.stride.local;

import app.stride.core.auth.JwtTokenVerifier;
import app.stride.core.auth.TokenVerifier;
import app.stride.testkit.tokens.TestTokens;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
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
  private final TestTokens signer;

  private LocalTokenIssuer(ECKey key, Clock clock) {
    this.key = key;
    this.clock = clock;
    this.signer = new TestTokens(key, ISSUER, AUDIENCE);
  }

  /** Loads the key from {@code dataDir/local-signing-key.jwk}, creating it on first use. */
  public static LocalTokenIssuer load(Path dataDir, Clock clock) {
    Path file = dataDir.resolve("local-signing-key.jwk");
    try {
      if (Files.exists(file)) {
        return new LocalTokenIssuer(ECKey.parse(Files.readString(file)), clock);
      }
      ECKey key = TestTokens.generate("local-" + UUID.randomUUID());
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
    } catch (ParseException e) {
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
    return signer.sign(
        signer
            .claims(userId, homeRegion, clock.instant(), LIFETIME)
            .claim("scope", "profile:read profile:write")
            .claim("amr", java.util.List.of("dev"))
            .build());
  }
}
