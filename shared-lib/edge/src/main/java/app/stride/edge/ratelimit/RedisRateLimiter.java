package app.stride.edge.ratelimit;

import app.stride.edge.redis.RedisConnection;
import app.stride.edge.redis.RedisEndpoint;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * Token buckets in Redis, shared by every instance of every function. One Lua script ({@link
 * TokenBucketScript}, EVALSHA, EVAL when the server answers NOSCRIPT) refills and takes from all
 * the buckets of a request atomically, on Redis' clock; keys live under {@value BucketKey#PREFIX}
 * and expire once they would be full again.
 *
 * <p>Fails fast, as a limiter on every request must: connect and command time out after the given
 * timeout, the connection is not reconnected in the background, and a failure drops it so the next
 * call connects anew. Every failure is a {@link RateLimiterUnavailableException} without key names;
 * wrap this class in {@link FallbackRateLimiter} to keep limiting through an outage. Thread-safe
 * (one multiplexed connection).
 *
 * <p>{@link #take} hands out several tokens of a bucket at once, for {@link LeasingRateLimiter}
 * (same script, same stored format).
 *
 * <p>The buckets of one request (per user and per IP) are different keys of one script call: on a
 * Redis Cluster they would need one hash slot, so this targets a non-clustered Redis (ElastiCache /
 * Memorystore with one primary), like the auth throttle.
 */
public final class RedisRateLimiter implements SharedRateLimiter, TokenSource, AutoCloseable {

  /** Connect and command timeout unless given: a request must not wait long for its limiter. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(100);

  private final RedisClient client;
  private final RedisConnection redis;

  private RedisRateLimiter(RedisClient client) {
    this.client = client;
    this.redis = new RedisConnection(client, RateLimiterUnavailableException::new);
  }

  /**
   * Buckets on the Redis at {@code redisUri} with {@link #DEFAULT_TIMEOUT}. Does not connect yet.
   */
  public static RedisRateLimiter create(String redisUri) {
    return create(redisUri, DEFAULT_TIMEOUT);
  }

  /**
   * Buckets on the Redis at {@code redisUri} ({@code redis://host:port/db} or {@code rediss://...})
   * with the given connect and command timeout. Does not connect yet; {@link #close()} shuts the
   * client down.
   */
  public static RedisRateLimiter create(String redisUri, Duration timeout) {
    return create(RedisEndpoint.of(redisUri), timeout);
  }

  /**
   * Buckets on {@code endpoint} with the given connect and command timeout. Does not connect yet;
   * {@link #close()} shuts the client down.
   */
  public static RedisRateLimiter create(RedisEndpoint endpoint, Duration timeout) {
    RedisClient client = RedisConnection.failFastClient(endpoint, timeout);
    return new RedisRateLimiter(client);
  }

  @Override
  public Acquisition acquire(List<Bucket> buckets) {
    int[] one = new int[buckets.size()];
    Arrays.fill(one, 1);
    return take(buckets, one).acquisition();
  }

  /**
   * Takes up to {@code wanted[i]} tokens from bucket {@code i}, all or none, in one script call; a
   * bucket with {@code needed[i]} 0 never refuses (see {@link TokenSource#take}).
   */
  @Override
  public Grant take(List<Bucket> buckets, int[] wanted, int[] needed) {
    String[] keys = keys(buckets);
    TokenSource.requireAsks(buckets, wanted, needed);
    int per = TokenBucketScript.ARGS_PER_KEY;
    String[] args = new String[buckets.size() * per];
    for (int i = 0; i < buckets.size(); i++) {
      BucketSpec spec = buckets.get(i).spec();
      args[per * i] = Integer.toString(spec.capacity());
      args[per * i + 1] = Integer.toString(spec.refillTokens());
      args[per * i + 2] = Long.toString(spec.periodMicros());
      args[per * i + 3] = Integer.toString(wanted[i]);
      args[per * i + 4] = Integer.toString(needed[i]);
    }
    List<Object> reply =
        redis.call(
            commands -> TokenBucketScript.SCRIPT.run(commands, ScriptOutputType.MULTI, keys, args));
    return parse(reply, buckets.size());
  }

  @Override
  public void charge(List<Bucket> buckets, int[] counts) {
    take(buckets, counts, new int[counts.length]);
  }

  /** Closes the connection and shuts the client down. */
  @Override
  public void close() {
    redis.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private static String[] keys(List<Bucket> buckets) {
    if (buckets.isEmpty()) {
      throw new IllegalArgumentException("at least one bucket");
    }
    String[] keys = new String[buckets.size()];
    HashSet<String> distinct = new HashSet<>();
    for (int i = 0; i < keys.length; i++) {
      keys[i] = buckets.get(i).key().redisKey();
      if (!distinct.add(keys[i])) {
        throw new IllegalArgumentException("the buckets of one request must be distinct");
      }
    }
    return keys;
  }

  private static Grant parse(List<Object> reply, int buckets) {
    int per = TokenBucketScript.REPLY_PER_KEY;
    if (reply == null || reply.size() != 1 + per * buckets) {
      throw new RateLimiterUnavailableException(
          "unexpected reply from the rate limit script", null);
    }
    List<Integer> granted = new ArrayList<>(buckets);
    List<BucketState> states = new ArrayList<>(buckets);
    for (int i = 0; i < buckets; i++) {
      granted.add((int) number(reply.get(1 + per * i)));
      states.add(new BucketState(number(reply.get(2 + per * i)), number(reply.get(3 + per * i))));
    }
    return new Grant(number(reply.get(0)) == 1, granted, states);
  }

  private static long number(Object value) {
    if (value instanceof Long number) {
      return number;
    }
    throw new RateLimiterUnavailableException("unexpected reply from the rate limit script", null);
  }
}
