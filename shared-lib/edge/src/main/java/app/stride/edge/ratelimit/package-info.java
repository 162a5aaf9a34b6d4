/**
 * Rate limiting of the edge (issue 4): token buckets per user and per IP for each route class, the
 * classes and limits configured in one file ({@code api-specs/openapi/rate-limits.yaml}, see {@link
 * app.stride.edge.ratelimit.RateLimitConfig}).
 *
 * <p>Entry point: {@link app.stride.edge.ratelimit.EdgeRateLimits#check}, which answers a {@link
 * app.stride.edge.ratelimit.RateLimitDecision} carrying the {@code RateLimit} / {@code
 * RateLimit-Policy} headers ({@link app.stride.edge.ratelimit.RateLimitHeaders}) and, when refused,
 * the 429 {@code rate-limited} problem with {@code Retry-After}.
 *
 * <p>Port {@link app.stride.edge.ratelimit.RateLimiter} with four implementations: {@link
 * app.stride.edge.ratelimit.RedisRateLimiter} (Lettuce, one atomic Lua script on Redis' clock),
 * {@link app.stride.edge.ratelimit.LeasingRateLimiter} (token leases: Redis tokens taken a few at a
 * time and spent in the process, sized by {@link app.stride.edge.ratelimit.LeasePolicy}), {@link
 * app.stride.edge.ratelimit.LocalRateLimiter} (in process, bounded) and {@link
 * app.stride.edge.ratelimit.FallbackRateLimiter} (Redis, else local, with the {@code
 * stride.ratelimit.fallback.active} gauge). Depends on shared-core (problems, OpenAPI operations,
 * env), Lettuce and Micrometer only.
 */
package app.stride.edge.ratelimit;
