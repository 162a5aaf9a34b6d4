package app.stride.edge.ratelimit;

import app.stride.edge.redis.LuaScript;

/**
 * The Lua script of {@link RedisRateLimiter}: takes up to a wanted number of tokens from every
 * bucket in {@code KEYS} if each holds the tokens the request needs of it, else from none, in one
 * atomic step. Time comes from Redis' own {@code TIME}, so the clocks of the functions calling it
 * do not matter.
 *
 * <p>Each bucket is a hash {@code {tk: tokens, ts: microseconds}}; {@code ARGV} holds, per key,
 * capacity, refill tokens, refill period in microseconds, the tokens wanted (1 for one request,
 * more for a lease, see {@link LeasingRateLimiter}) and the tokens needed (1, or 0 for a bucket
 * asked only to renew a lease ahead of time: it never refuses). Each bucket grants {@code
 * max(needed, min(wanted, whole tokens held))}. A bucket is written only when tokens are taken,
 * with an expiry of the time it needs to fill up again (plus a second): an expired bucket is a full
 * one, so idle buckets vanish without changing any decision. Returns {@code {allowed, granted_1,
 * remaining_1, micros_to_next_token_1, ...}}, remaining counted after the grant. The arithmetic is
 * {@link TokenBucket}'s; the stored format is the same whatever is wanted, so instances asking for
 * one token and instances leasing share the buckets.
 */
final class TokenBucketScript {

  /** Arguments per key: capacity, refill, period, wanted, needed. */
  static final int ARGS_PER_KEY = 5;

  /** Reply entries per key: granted, remaining, micros to the next token. */
  static final int REPLY_PER_KEY = 3;

  static final String SOURCE =
      """
      local clock = redis.call('TIME')
      local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
      local n = #KEYS
      local tokens = {}
      local stamps = {}
      local allowed = 1
      for i = 1, n do
        local capacity = tonumber(ARGV[5 * i - 4])
        local refill = tonumber(ARGV[5 * i - 3])
        local period = tonumber(ARGV[5 * i - 2])
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
        if t < tonumber(ARGV[5 * i]) then
          allowed = 0
        end
      end
      local result = {allowed}
      for i = 1, n do
        local capacity = tonumber(ARGV[5 * i - 4])
        local refill = tonumber(ARGV[5 * i - 3])
        local period = tonumber(ARGV[5 * i - 2])
        local wanted = tonumber(ARGV[5 * i - 1])
        local needed = tonumber(ARGV[5 * i])
        local t = tokens[i]
        local granted = 0
        if allowed == 1 then
          granted = math.max(needed, math.min(wanted, math.floor(t)))
        end
        if granted > 0 then
          t = t - granted
          redis.call('HSET', KEYS[i], 'tk', string.format('%.17g', t),
            'ts', string.format('%.0f', stamps[i]))
          local fill_ms = math.ceil((capacity - t) * period / refill / 1000)
          redis.call('PEXPIRE', KEYS[i], fill_ms + 1000)
        end
        local whole = math.floor(t)
        result[3 * i - 1] = granted
        result[3 * i] = whole
        result[3 * i + 1] = math.ceil((whole + 1 - t) * period / refill)
      end
      return result
      """;

  /** The script, run by its digest. */
  static final LuaScript SCRIPT = new LuaScript(SOURCE);

  private TokenBucketScript() {}
}
