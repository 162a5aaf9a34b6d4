package app.stride.local.auth;

import app.stride.auth.token.KeyRing;
import app.stride.auth.token.KeyState;
import app.stride.auth.token.SigningKey;
import app.stride.core.region.RegionId;
import app.stride.local.LocalTokenIssuer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The environment of a region's auth function locally, on top of what every function gets.
 *
 * <ul>
 *   <li>{@code STRIDE_DIRECTORY_SECRET}: the keyed-hash secret, the same in every region;
 *   <li>{@code STRIDE_DIRECTORY_URL}, {@code STRIDE_DIRECTORY_API_SECRET}: the global directory;
 *   <li>{@code STRIDE_PUBLIC_URL}: the gateway, the base of links in mail;
 *   <li>{@code STRIDE_SMTP_HOST}, {@code STRIDE_SMTP_PORT}, {@code STRIDE_MAIL_FROM}: the local
 *       mail server;
 *   <li>{@code STRIDE_LOCAL_SIGNING_KEY}: a ring of one CURRENT key, the region's key of the {@link
 *       LocalTokenIssuer}, so an auth token verifies wherever a dev token does;
 *   <li>{@code STRIDE_REDIS_URL}, when a Redis runs: the throttle's counters, one database per
 *       region (absent, each function counts in process).
 * </ul>
 *
 * @param directorySecret base64 of the keyed-hash secret
 * @param directoryUrl the directory API
 * @param directoryApiSecret base64 of the directory API's request-signing secret
 * @param publicUrl the gateway's URL
 * @param smtpHost the mail server's host
 * @param smtpPort the mail server's port
 * @param redis the throttle's Redis ({@code redis://host:port}), if one runs
 * @param regionOrder the configured regions, in order: a region's Redis database is its index
 */
public record AuthEnvironment(
    String directorySecret,
    URI directoryUrl,
    String directoryApiSecret,
    URI publicUrl,
    String smtpHost,
    int smtpPort,
    Optional<URI> redis,
    List<RegionId> regionOrder) {

  /** The sender of local mail. */
  public static final String MAIL_FROM = "no-reply@stride.local";

  /** Redis's default number of databases. */
  private static final int REDIS_DATABASES = 16;

  public AuthEnvironment {
    Objects.requireNonNull(directorySecret, "directorySecret");
    Objects.requireNonNull(directoryUrl, "directoryUrl");
    Objects.requireNonNull(directoryApiSecret, "directoryApiSecret");
    Objects.requireNonNull(publicUrl, "publicUrl");
    Objects.requireNonNull(smtpHost, "smtpHost");
    redis = redis == null ? Optional.empty() : redis;
    regionOrder = List.copyOf(regionOrder);
  }

  /** The variables of {@code region}'s auth function, signing with {@code issuer}'s region key. */
  public Map<String, String> forRegion(RegionId region, LocalTokenIssuer issuer) {
    Map<String, String> env = new HashMap<>();
    env.put("STRIDE_DIRECTORY_SECRET", directorySecret);
    env.put("STRIDE_DIRECTORY_URL", directoryUrl.toString());
    env.put("STRIDE_DIRECTORY_API_SECRET", directoryApiSecret);
    env.put("STRIDE_PUBLIC_URL", publicUrl.toString());
    env.put("STRIDE_MAIL_FROM", MAIL_FROM);
    env.put("STRIDE_SMTP_HOST", smtpHost);
    env.put("STRIDE_SMTP_PORT", Integer.toString(smtpPort));
    env.put("STRIDE_LOCAL_SIGNING_KEY", signingRing(region, issuer.signingKey(region)).toJson());
    redisUrl(region).ifPresent(url -> env.put("STRIDE_REDIS_URL", url));
    return env;
  }

  /**
   * The region's Redis database, when a Redis runs: the auth throttle's counters and every
   * function's rate-limit buckets of that region (as in the clouds, one Redis per region).
   */
  public java.util.Optional<String> redisUrl(RegionId region) {
    return redis.map(uri -> uri + "/" + database(region));
  }

  /**
   * A ring of one CURRENT key: the platform's dev key of the region, never rotated, marked as an
   * ES256 signing key as the auth service's own keys are (the JWKS publishes both members).
   */
  static KeyRing signingRing(RegionId region, ECKey devKey) {
    ECKey key =
        new ECKey.Builder(devKey).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).build();
    Instant made = madeOn(key.getKeyID());
    return new KeyRing(
        region, List.of(new SigningKey(key.getKeyID(), key, KeyState.CURRENT, made, made)), 1);
  }

  /** The day a key id names ({@code <region>-<yyyyMMdd>-<hex>}), at midnight UTC. */
  private static Instant madeOn(String kid) {
    String[] parts = kid.split("-");
    try {
      return LocalDate.parse(parts[parts.length - 2], DateTimeFormatter.BASIC_ISO_DATE)
          .atStartOfDay(ZoneOffset.UTC)
          .toInstant();
    } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
      return Instant.EPOCH;
    }
  }

  private int database(RegionId region) {
    int index = regionOrder.indexOf(region);
    return Math.max(index, 0) % REDIS_DATABASES;
  }
}
