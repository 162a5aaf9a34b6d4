package app.stride.edge.ratelimit;

import java.util.List;

/**
 * Takes tokens from token buckets. Port of the rate limiting: {@link RedisRateLimiter} shares the
 * buckets between every instance, {@link LeasingRateLimiter} takes their tokens from Redis a few at
 * a time, {@link LocalRateLimiter} keeps them in this process, {@link FallbackRateLimiter} uses a
 * shared one and falls back to the local one.
 */
public interface RateLimiter {

  /**
   * Takes one token from each bucket if every one of them has one, atomically; otherwise takes
   * none. Buckets never seen before start full.
   *
   * @param buckets the buckets that apply to one request, at least one, distinct keys
   * @return the outcome and the state of each bucket, in the order given
   * @throws RateLimiterUnavailableException when the store cannot answer (never for a refusal)
   */
  Acquisition acquire(List<Bucket> buckets);
}
