/**
 * Brute-force protection for logins: progressive throttling per account, per account and IP, per
 * IP, and IP reputation against credential stuffing.
 *
 * <p>The public face is {@link app.stride.auth.throttle.LoginThrottle}: {@code check} before any
 * password check (an allowed decision reserves the attempt), {@code recordFailure} after a wrong
 * password, {@code recordSuccess} after a right one. The numbers live in {@link
 * app.stride.auth.throttle.ThrottlePolicy}; the decision it answers is a {@link
 * app.stride.auth.throttle.ThrottleDecision} that the HTTP layer turns into 429 with {@code
 * Retry-After}.
 *
 * <p>Pure logic is kept apart from storage: the throttle counts through the {@link
 * app.stride.auth.throttle.AttemptCounters} port. {@link
 * app.stride.auth.throttle.InMemoryAttemptCounters} keeps the counters in this process (expiring by
 * an injected clock); the Redis adapter lives in {@code app.stride.auth.throttle.redis}; {@link
 * app.stride.auth.throttle.FallbackAttemptCounters} puts the two together so that a Redis outage
 * degrades to in-process counting instead of switching protection off.
 *
 * <p>Keys are account keys (already keyed hashes, never an email) and IP addresses: they are not
 * logged and never appear in an exception message.
 */
package app.stride.auth.throttle;
