package app.stride.edge.ratelimit;

import java.util.List;

/**
 * Where a {@link LeasingRateLimiter} takes its tokens from: the shared buckets (Redis in
 * production, {@link RedisRateLimiter}). Like {@link RateLimiter#acquire}, but each bucket may hand
 * out more than one token at once.
 */
interface TokenSource {

  /**
   * If every bucket holds at least one whole token, takes {@code min(wanted[i], whole tokens held)}
   * from bucket {@code i}, all atomically; otherwise takes none.
   *
   * @param buckets the buckets, at least one, distinct keys
   * @param wanted the most tokens to take from each bucket, each at least 1, in the same order
   * @return the outcome, the tokens granted and the state of each bucket after the grant
   * @throws RateLimiterUnavailableException when the store cannot answer (never for a refusal)
   */
  Grant take(List<Bucket> buckets, int[] wanted);
}
