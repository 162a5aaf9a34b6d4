package app.stride.local;

import app.stride.core.auth.JwtTokenVerifier;
import app.stride.core.auth.RegionKeyIds;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.region.Region;
import app.stride.core.region.RegionCatalog;
import app.stride.core.region.RegionId;
import app.stride.testkit.tokens.TestTokens;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs development access tokens with local EC P-256 keys kept in the data folder (owner-only):
 * one key per configured region, each with a region-bound key id ({@code <region>-<yyyyMMdd>-<8
 * hex>}), as the auth service keys its regions. Exists only in the local platform: cloud
 * deployables never contain it, and functions accept its public keys only when started with {@code
 * STRIDE_LOCAL_MODE=true}.
 */
public final class LocalTokenIssuer {
  /** The issuer of local tokens. */
  public static final String ISSUER = "https://local.stride.dev";

  /** The audience of every Stride access token. */
  public static final String AUDIENCE = "stride-api";

  /** How long a local token lives, as production access tokens do. */
  public static final Duration LIFETIME = Duration.ofMinutes(15);

  /** The file of the region keys, a JWKS with private keys, in the data folder. */
  static final String KEYS_FILE = "local-signing-keys.jwks";

  /** The single key of earlier versions, not bound to a region: removed on load. */
  static final String LEGACY_KEY_FILE = "local-signing-key.jwk";

  private final Map<String, ECKey> keysByRegion;
  private final Clock clock;
  private final TestTokens signer;

  private LocalTokenIssuer(Map<String, ECKey> keysByRegion, Clock clock) {
    this.keysByRegion = keysByRegion;
    this.clock = clock;
    this.signer = new TestTokens(keysByRegion, ISSUER, AUDIENCE);
  }

  /** Loads the keys of the bundled regions; see {@link #load(Path, RegionCatalog, Clock)}. */
  public static LocalTokenIssuer load(Path dataDir, Clock clock) {
    return load(dataDir, RegionCatalog.bundled(), clock);
  }

  /**
   * Loads one key per region of {@code regions} from {@code dataDir/local-signing-keys.jwks},
   * creating the keys a region lacks (first use, or a region added to the catalog).
   */
  public static LocalTokenIssuer load(Path dataDir, RegionCatalog regions, Clock clock) {
    Path file = dataDir.resolve(KEYS_FILE);
    try {
      Files.createDirectories(dataDir);
      // A private key nothing trusts any more: do not leave it lying around.
      Files.deleteIfExists(dataDir.resolve(LEGACY_KEY_FILE));
      List<JWK> stored =
          Files.exists(file) ? JWKSet.parse(Files.readString(file)).getKeys() : List.of();
      Map<String, ECKey> keys = new LinkedHashMap<>();
      boolean created = false;
      for (Region region : regions.all()) {
        ECKey key = find(stored, region);
        if (key == null) {
          key = TestTokens.generate(RegionKeyIds.newKeyId(region.id(), clock.instant()));
          created = true;
        }
        keys.put(region.id().value(), key);
      }
      if (created) {
        save(file, keys);
      }
      return new LocalTokenIssuer(keys, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("bad local signing keys in " + file, e);
    }
  }

  /** The public JWKS (every region's key) the functions trust in local mode. */
  public String publicJwks() {
    return publicKeys().toString();
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

  /**
   * The private signing key of {@code region} (its key id binds the region), for the local auth
   * functions, which sign with it so that their tokens verify wherever the dev tokens do.
   *
   * @throws IllegalArgumentException when the region is not configured
   */
  public ECKey signingKey(RegionId region) {
    ECKey key = keysByRegion.get(region.value());
    if (key == null) {
      throw new IllegalArgumentException("no local signing key for region " + region);
    }
    return key;
  }

  /** A verifier of the tokens this issuer signs, as the gateway's JWT authorizer. */
  public TokenVerifier verifier() {
    return JwtTokenVerifier.forJwks(publicKeys(), ISSUER, AUDIENCE, clock);
  }

  /** A signed access token for {@code userId} homed in {@code homeRegion}, by that region's key. */
  public String issue(String userId, String homeRegion) {
    return signer.sign(
        signer
            .claims(userId, homeRegion, clock.instant(), LIFETIME)
            .claim("scope", "profile:read profile:write")
            .claim("amr", List.of("dev"))
            .build());
  }

  private JWKSet publicKeys() {
    List<JWK> keys = new ArrayList<>();
    keysByRegion.values().forEach(k -> keys.add(k.toPublicJWK()));
    return new JWKSet(keys);
  }

  private static ECKey find(List<JWK> stored, Region region) {
    for (JWK key : stored) {
      if (key instanceof ECKey ec
          && ec.isPrivate()
          && RegionKeyIds.belongsTo(ec.getKeyID(), region.id())) {
        return ec;
      }
    }
    return null;
  }

  private static void save(Path file, Map<String, ECKey> keys) throws IOException {
    List<JWK> all = new ArrayList<>(keys.values());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp);
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing more to restrict
    }
    Files.writeString(tmp, new JWKSet(all).toString(false), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
