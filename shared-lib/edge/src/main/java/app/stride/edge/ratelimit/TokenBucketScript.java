package app.stride.edge.ratelimit;

import app.stride.edge.redis.LuaScript;

/**
 * The Lua script of {@link RedisRateLimiter}: takes one token from every bucket in {@code KEYS} if
 * each has one, else from none, in one atomic step. Time comes from Redis' own {@code TIME}, so the
 * clocks of the functions calling it do not matter.
 *
 * <p>Each bucket is a hash {@code {tk: tokens, ts: microseconds}}; {@code ARGV} holds, per key,
 * capacity, refill tokens and refill period in microseconds. A bucket is written only when a token
 * is taken, with an expiry of the time it needs to fill up again (plus a second): an expired bucket
 * is a full one, so idle buckets vanish without changing any decision. Returns {@code {allowed,
 * remaining_1, micros_to_next_token_1, ...}}. The arithmetic is {@link TokenBucket}'s.
 */
final class TokenBucketScript {

  static final String SOURCE =
      """
      local clock = redis.call('TIME')
      local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
      local n = #KEYS
      local tokens = {}
      local stamps = {}
      local allowed = 1
      for i = 1, n do
        local capacity = tonumber(ARGV[3 * i - 2])
        local refill = tonumber(ARGV[3 * i - 1])
        local period = tonumber(ARGV[3 * i])
        local stored = redis.call('HMGET', KEYS[i], 'tk', 'ts')
        local t = tonumber(stored[1])
        local ts = tonumber(stored[2])
        if t == nil or ts == nil then
          t = capacity
          ts = now
        elseif now > ts then
          t = math.min(capacity, t + (now - ts) * refill / period)
          ts = now
        end
        tokens[i] = t
        stamps[i] = ts
        if t < 1 then
          allowed = 0
        end
      end
      local result = {allowed}
      for i = 1, n do
        local capacity = tonumber(ARGV[3 * i - 2])
        local refill = tonumber(ARGV[3 * i - 1])
        local period = tonumber(ARGV[3 * i])
        local t = tokens[i]
        if allowed == 1 then
          t = t - 1
          redis.call('HSET', KEYS[i], 'tk', string.format('%.17g', t),
            'ts', string.format('%.0f', stamps[i]))
          local fill_ms = math.ceil((capacity - t) * period / refill / 1000)
          redis.call('PEXPIRE', KEYS[i], fill_ms + 1000)
        end
        local whole = math.floor(t)
        result[2 * i] = whole
        result[2 * i + 1] = math.ceil((whole + 1 - t) * period / refill)
      end
      return result
      """;

  /** The script, run by its digest. */
  static final LuaScript SCRIPT = new LuaScript(SOURCE);

  private TokenBucketScript() {}
}
