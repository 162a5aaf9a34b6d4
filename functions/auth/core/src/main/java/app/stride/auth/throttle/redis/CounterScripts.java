package app.stride.auth.throttle.redis;

import app.stride.edge.redis.LuaScript;

/**
 * The Lua scripts of {@link RedisAttemptCounters}. Each touches exactly one key ({@code KEYS[1]}),
 * runs atomically, and repairs a key found without expiry (it cannot be created so, but a window
 * must never become eternal).
 */
final class CounterScripts {

  /** INCR, and PEXPIRE {@code ARGV[1]} ms when this started the window. Returns the count. */
  static final LuaScript INCREMENT =
      new LuaScript(
          """
          local count = redis.call('INCR', KEYS[1])
          if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
          end
          return count
          """);

  /** SADD {@code ARGV[1]}, PEXPIRE {@code ARGV[2]} ms when new. Returns the cardinality. */
  static final LuaScript ADD_DISTINCT =
      new LuaScript(
          """
          redis.call('SADD', KEYS[1], ARGV[1])
          if redis.call('PTTL', KEYS[1]) < 0 then
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
          end
          return redis.call('SCARD', KEYS[1])
          """);

  /**
   * Holds the key for at least {@code ARGV[1]} ms: SET PX when absent (returns 1), else lengthens
   * the expiry if it would end sooner (returns 0).
   */
  static final LuaScript HOLD =
      new LuaScript(
          """
          local ttl = redis.call('PTTL', KEYS[1])
          if ttl == -2 then
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
            return 1
          end
          if ttl < tonumber(ARGV[1]) then
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
          end
          return 0
          """);

  private CounterScripts() {}
}
