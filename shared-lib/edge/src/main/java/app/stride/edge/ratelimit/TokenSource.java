package app.stride.edge.ratelimit;

import java.util.Arrays;
import java.util.List;

/**
 * Where a {@link LeasingRateLimiter} takes its tokens from: the shared buckets (Redis in
 * production, {@link RedisRateLimiter}). Like {@link RateLimiter#acquire}, but each bucket may hand
 * out more than one token at once, and a bucket may be asked for tokens the request does not need
 * (a lease renewed ahead of time).
 */
interface TokenSource {

  /**
   * If every bucket holds {@code needed[i]} whole tokens, takes {@code max(needed[i],
   * min(wanted[i], whole tokens held))} from bucket {@code i}, all atomically; otherwise takes
   * none. A bucket asked with {@code needed} 0 never refuses: it grants what it has, maybe nothing.
   *
   * @param buckets the buckets, at least one, distinct keys
   * @param wanted the most tokens to take from each bucket, each at least 1, in the same order
   * @param needed what each bucket must hold for the request to be allowed: 1 (the request spends
   *     one of them) or 0 (tokens asked only for a lease, or a charge: {@link
   *     SharedRateLimiter#charge})
   * @return the outcome, the tokens granted and the state of each bucket after the grant
   * @throws RateLimiterUnavailableException when the store cannot answer (never for a refusal)
   */
  Grant take(List<Bucket> buckets, int[] wanted, int[] needed);

  /** {@link #take(List, int[], int[])} with every bucket needing one token. */
  default Grant take(List<Bucket> buckets, int[] wanted) {
    int[] one = new int[wanted.length];
    Arrays.fill(one, 1);
    return take(buckets, wanted, one);
  }

  /** Checks the arguments of {@link #take(List, int[], int[])}. */
  static void requireAsks(List<Bucket> buckets, int[] wanted, int[] needed) {
    if (buckets.isEmpty()) {
      throw new IllegalArgumentException("at least one bucket");
    }
    if (wanted.length != buckets.size() || needed.length != buckets.size()) {
      throw new IllegalArgumentException("one wanted and one needed count per bucket");
    }
    for (int i = 0; i < wanted.length; i++) {
      if (wanted[i] < 1) {
        throw new IllegalArgumentException("at least one token wanted per bucket");
      }
      if (needed[i] != 0 && needed[i] != 1) {
        throw new IllegalArgumentException("a bucket needs 0 or 1 token: " + needed[i]);
      }
    }
  }
}
