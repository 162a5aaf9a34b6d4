package app.stride.edge.ratelimit;

import app.stride.core.config.Env;
import app.stride.edge.redis.RedisEndpoint;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the buckets live and how the fallback behaves, read once from the environment infra sets.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code STRIDE_REDIS_URL}</td><td>the region's Redis ({@code redis://host:port/db},
 *       {@code rediss://} with TLS); the auth throttle reads it too (its keys are under another
 *       prefix)</td><td>absent: buckets in this process only</td></tr>
 *   <tr><td>{@code STRIDE_REDIS_AUTH}</td><td>how to sign in to it ({@link RedisEndpoint#fromEnv},
 *       e.g. {@code elasticache-iam})</td><td>absent: the URL's own credentials</td></tr>
 *   <tr><td>{@code STRIDE_RATELIMIT_REDIS_TIMEOUT_MS}</td><td>connect and command timeout</td>
 *       <td>100</td></tr>
 *   <tr><td>{@code STRIDE_RATELIMIT_PROBE_INTERVAL_MS}</td><td>least time between two tries of a
 *       failed Redis</td><td>3000</td></tr>
 *   <tr><td>{@code STRIDE_RATELIMIT_LOCAL_MAX_KEYS}</td><td>buckets kept in this process, and
 *       keys holding leases</td><td>10000</td></tr>
 *   <tr><td>{@code STRIDE_RATELIMIT_LEASES}</td><td>{@code on}: token leases from Redis ({@link
 *       LeasingRateLimiter}, {@link LeasePolicy#standard()}); {@code off}: one Redis call per
 *       request</td><td>on</td></tr>
 * </table>
 *
 * @param redis the Redis; empty for in-process buckets only
 * @param redisTimeout connect and command timeout of Redis calls
 * @param probeInterval least time between two probes of a failed Redis
 * @param localMaxKeys the most buckets the in-process limiter keeps (and keys holding leases)
 * @param leases whether Redis tokens are leased a few at a time
 */
public record RateLimitSettings(
    Optional<RedisEndpoint> redis,
    Duration redisTimeout,
    Duration probeInterval,
    int localMaxKeys,
    boolean leases) {

  /** Variable naming the Redis. */
  public static final String REDIS_URL = RedisEndpoint.URL;

  /** Variable of {@link #redisTimeout()} in milliseconds. */
  public static final String REDIS_TIMEOUT_MS = "STRIDE_RATELIMIT_REDIS_TIMEOUT_MS";

  /** Variable of {@link #probeInterval()} in milliseconds. */
  public static final String PROBE_INTERVAL_MS = "STRIDE_RATELIMIT_PROBE_INTERVAL_MS";

  /** Variable of {@link #localMaxKeys()}. */
  public static final String LOCAL_MAX_KEYS = "STRIDE_RATELIMIT_LOCAL_MAX_KEYS";

  /** Variable of {@link #leases()}: {@code on} or {@code off}. */
  public static final String LEASES = "STRIDE_RATELIMIT_LEASES";

  public RateLimitSettings {
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(redisTimeout, "redisTimeout");
    Objects.requireNonNull(probeInterval, "probeInterval");
    if (redisTimeout.toMillis() < 1 || probeInterval.isNegative() || localMaxKeys < 1) {
      throw new IllegalArgumentException("rate limit settings out of range");
    }
  }

  /** The settings in {@code env}, defaults for what is absent. */
  public static RateLimitSettings from(Env env) {
    return new RateLimitSettings(
        RedisEndpoint.fromEnv(env),
        Duration.ofMillis(
            number(env, REDIS_TIMEOUT_MS, RedisRateLimiter.DEFAULT_TIMEOUT.toMillis())),
        Duration.ofMillis(
            number(env, PROBE_INTERVAL_MS, FallbackRateLimiter.DEFAULT_PROBE_INTERVAL.toMillis())),
        (int) number(env, LOCAL_MAX_KEYS, LocalRateLimiter.DEFAULT_MAX_KEYS),
        onOff(env, LEASES, true));
  }

  private static boolean onOff(Env env, String name, boolean fallback) {
    Optional<String> raw = env.optional(name).map(String::trim);
    if (raw.isEmpty()) {
      return fallback;
    }
    return switch (raw.get()) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new IllegalStateException(name + " must be on or off: " + raw.get());
    };
  }

  private static long number(Env env, String name, long fallback) {
    Optional<String> raw = env.optional(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw.get().trim());
      if (value < 1 || value > Integer.MAX_VALUE) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalStateException(name + " must be a positive whole number: " + raw.get());
    }
  }
}
