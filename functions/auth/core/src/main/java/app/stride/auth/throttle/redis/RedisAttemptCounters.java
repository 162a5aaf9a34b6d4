package app.stride.auth.throttle.redis;

import app.stride.auth.throttle.AttemptCounters;
import app.stride.auth.throttle.AttemptCountersUnavailableException;
import app.stride.edge.redis.LuaScript;
import app.stride.edge.redis.RedisConnection;
import app.stride.edge.redis.RedisEndpoint;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link AttemptCounters} in Redis, shared by every instance of the auth functions. Writes are Lua
 * scripts ({@link CounterScripts}: INCR + PEXPIRE on the first hit, SADD + PEXPIRE for distinct
 * members, SET PX / PEXPIRE for holds), each atomic on one key under {@value #KEY_PREFIX}.
 *
 * <p>Connects lazily and fails fast: commands time out after the configured timeout, the connection
 * is not reconnected in the background, and any failure drops it so the next call connects anew.
 * Every failure is an {@link AttemptCountersUnavailableException} (message without keys); wrap this
 * class in {@link app.stride.auth.throttle.FallbackAttemptCounters} to keep counting through an
 * outage. Thread-safe (one multiplexed connection).
 */
public final class RedisAttemptCounters implements AttemptCounters, AutoCloseable {

  /** Namespace of every key this adapter writes. */
  public static final String KEY_PREFIX = "stride:auth:throttle:";

  /** Connect and command timeout unless given: a login must not wait long for its throttle. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(250);

  private final RedisClient client;
  private final boolean ownsClient;
  private final RedisConnection redis;

  private RedisAttemptCounters(RedisClient client, boolean ownsClient) {
    this.client = Objects.requireNonNull(client, "client");
    this.ownsClient = ownsClient;
    this.redis = new RedisConnection(client, AttemptCountersUnavailableException::new);
  }

  /**
   * Counters on the Redis at {@code redisUri} ({@code redis://host:port} or {@code rediss://...})
   * with {@link #DEFAULT_TIMEOUT}. Does not connect yet.
   */
  public static RedisAttemptCounters create(String redisUri) {
    return create(redisUri, DEFAULT_TIMEOUT);
  }

  /**
   * Counters on the Redis at {@code redisUri} with the given connect and command timeout. Does not
   * connect yet; {@link #close()} shuts the client down.
   */
  public static RedisAttemptCounters create(String redisUri, Duration timeout) {
    return create(RedisEndpoint.of(redisUri), timeout);
  }

  /** Counters on {@code endpoint} with {@link #DEFAULT_TIMEOUT}. Does not connect yet. */
  public static RedisAttemptCounters create(RedisEndpoint endpoint) {
    return create(endpoint, DEFAULT_TIMEOUT);
  }

  /**
   * Counters on {@code endpoint} with the given connect and command timeout. Does not connect yet;
   * {@link #close()} shuts the client down.
   */
  public static RedisAttemptCounters create(RedisEndpoint endpoint, Duration timeout) {
    RedisClient client = RedisConnection.failFastClient(endpoint, timeout);
    return new RedisAttemptCounters(client, true);
  }

  /**
   * Counters over a client configured elsewhere (its default URI); {@link #close()} leaves the
   * client running.
   */
  public static RedisAttemptCounters over(RedisClient client) {
    return new RedisAttemptCounters(client, false);
  }

  @Override
  public long increment(String key, Duration window) {
    String millis = String.valueOf(positiveMillis(window));
    return run(CounterScripts.INCREMENT, key, millis);
  }

  @Override
  public long get(String key) {
    String namespaced = namespaced(key);
    return redis.call(
        commands -> {
          String value = commands.get(namespaced);
          return value == null ? 0L : Long.parseLong(value);
        });
  }

  @Override
  public long addDistinct(String key, String member, Duration window) {
    Objects.requireNonNull(member, "member");
    String millis = String.valueOf(positiveMillis(window));
    return run(CounterScripts.ADD_DISTINCT, key, member, millis);
  }

  @Override
  public void reset(String key) {
    String namespaced = namespaced(key);
    redis.call(commands -> commands.del(namespaced));
  }

  @Override
  public boolean hold(String key, Duration duration) {
    String millis = String.valueOf(positiveMillis(duration));
    return run(CounterScripts.HOLD, key, millis) == 1;
  }

  @Override
  public Duration remaining(String key) {
    String namespaced = namespaced(key);
    Long millis = redis.call(commands -> commands.pttl(namespaced));
    return millis == null || millis <= 0 ? Duration.ZERO : Duration.ofMillis(millis);
  }

  /** Closes the connection, and the client if this instance created it. */
  @Override
  public void close() {
    redis.close();
    if (ownsClient) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private long run(LuaScript script, String key, String... args) {
    String[] keys = {namespaced(key)};
    Long result =
        redis.call(commands -> script.run(commands, ScriptOutputType.INTEGER, keys, args));
    return result;
  }

  private static String namespaced(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    return KEY_PREFIX + key;
  }

  private static long positiveMillis(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    long millis = duration.toMillis();
    if (millis < 1) {
      throw new IllegalArgumentException("duration must be at least 1 ms");
    }
    return millis;
  }
}
