package app.stride.auth;

import app.stride.core.config.Env;
import app.stride.core.region.RegionId;
import app.stride.edge.redis.RedisEndpoint;
import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The auth function's configuration, read once from the environment that infra sets.
 *
 * @param region {@code STRIDE_REGION}
 * @param issuer {@code STRIDE_JWT_ISSUER}, the {@code iss} of access tokens
 * @param audience {@code STRIDE_JWT_AUDIENCE}
 * @param directorySecret {@code STRIDE_DIRECTORY_SECRET} (base64, at least 32 bytes), the keyed
 *     hash's secret, the same in every region
 * @param publicUrl {@code STRIDE_PUBLIC_URL}, the base of links in mail
 * @param redis {@code STRIDE_REDIS_URL} (and {@code STRIDE_REDIS_AUTH}), the throttle's Redis;
 *     absent means in-process counters
 * @param googleClientIds {@code STRIDE_GOOGLE_CLIENT_IDS}, comma-separated
 * @param appleClientIds {@code STRIDE_APPLE_CLIENT_IDS}, comma-separated
 * @param googleIssuer {@code STRIDE_GOOGLE_ISSUER}, local mode only (a local OIDC stub)
 * @param appleIssuer {@code STRIDE_APPLE_ISSUER}, local mode only
 * @param localSigningKey {@code STRIDE_LOCAL_SIGNING_KEY}, local mode only: the platform's
 *     per-region dev key ring (JSON), used instead of the stored ring
 */
public record AuthConfig(
    RegionId region,
    String issuer,
    String audience,
    byte[] directorySecret,
    URI publicUrl,
    Optional<RedisEndpoint> redis,
    Set<String> googleClientIds,
    Set<String> appleClientIds,
    URI googleIssuer,
    URI appleIssuer,
    Optional<String> localSigningKey) {
  private static final URI GOOGLE = URI.create("https://accounts.google.com");
  private static final URI APPLE = URI.create("https://appleid.apple.com");

  /** Reads the configuration; local-only settings are refused outside local mode. */
  public static AuthConfig from(Env env) {
    boolean local = env.flag("STRIDE_LOCAL_MODE");
    for (String localOnly :
        new String[] {"STRIDE_GOOGLE_ISSUER", "STRIDE_APPLE_ISSUER", "STRIDE_LOCAL_SIGNING_KEY"}) {
      if (!local && env.optional(localOnly).isPresent()) {
        throw new IllegalStateException(
            localOnly + " is accepted only with STRIDE_LOCAL_MODE=true");
      }
    }
    return new AuthConfig(
        RegionId.of(env.require("STRIDE_REGION")),
        env.require("STRIDE_JWT_ISSUER"),
        env.require("STRIDE_JWT_AUDIENCE"),
        Base64.getDecoder().decode(env.require("STRIDE_DIRECTORY_SECRET")),
        URI.create(env.require("STRIDE_PUBLIC_URL")),
        RedisEndpoint.fromEnv(env),
        list(env.optional("STRIDE_GOOGLE_CLIENT_IDS")),
        list(env.optional("STRIDE_APPLE_CLIENT_IDS")),
        env.optional("STRIDE_GOOGLE_ISSUER").map(URI::create).orElse(GOOGLE),
        env.optional("STRIDE_APPLE_ISSUER").map(URI::create).orElse(APPLE),
        env.optional("STRIDE_LOCAL_SIGNING_KEY"));
  }

  private static Set<String> list(Optional<String> csv) {
    return csv.map(
            v ->
                Arrays.stream(v.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }

  @Override
  public String toString() {
    return "AuthConfig[region=" + region + ", issuer=" + issuer + ", publicUrl=" + publicUrl + "]";
  }
}
