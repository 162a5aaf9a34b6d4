package app.stride.auth.throttle;

import java.time.Duration;

/**
 * Expiring counters behind the login throttle. Every operation is atomic per key; a window starts
 * with the first write to a key and the key disappears when it ends (fixed windows).
 *
 * <p>Implementations: {@link InMemoryAttemptCounters} (this process), {@code
 * app.stride.auth.throttle.redis.RedisAttemptCounters} (shared by every instance) and {@link
 * FallbackAttemptCounters} (Redis first, this process while Redis fails). Keys are opaque to
 * implementations and must never be logged.
 */
public interface AttemptCounters {

  /**
   * Adds one to {@code key}; the first increment starts a window of {@code window}.
   *
   * @return the count after the increment
   */
  long increment(String key, Duration window);

  /** The current count of {@code key}; 0 when absent or expired. */
  long get(String key);

  /**
   * Adds {@code member} to the set at {@code key}; the first add starts a window of {@code window}.
   *
   * @return the number of distinct members after the add
   */
  long addDistinct(String key, String member, Duration window);

  /** Forgets {@code key} (count, set or hold). */
  void reset(String key);

  /**
   * Holds {@code key} for at least {@code duration} from now: starts a hold, or lengthens a running
   * one that would end sooner (a longer one is kept).
   *
   * @return true if no hold was running on {@code key}, i.e. this call started it
   */
  boolean hold(String key, Duration duration);

  /** How long {@code key} (a hold or a window) still lasts; zero when absent or expired. */
  Duration remaining(String key);
}
