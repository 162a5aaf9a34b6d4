/**
 * Redis adapter of the login throttle's {@link app.stride.auth.throttle.AttemptCounters} (Lettuce,
 * ElastiCache / Memorystore in the clouds, Debian's redis-server locally and in tests).
 *
 * <p>Every write is one Lua script touching one key ({@code CounterScripts}), so counting and
 * starting a window happen atomically and each script works on a Redis Cluster too. Keys live under
 * {@value app.stride.auth.throttle.redis.RedisAttemptCounters#KEY_PREFIX}. Failures surface as
 * {@link app.stride.auth.throttle.AttemptCountersUnavailableException}, which {@link
 * app.stride.auth.throttle.FallbackAttemptCounters} turns into in-process counting.
 */
package app.stride.auth.throttle.redis;
