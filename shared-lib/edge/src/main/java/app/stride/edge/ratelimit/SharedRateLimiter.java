package app.stride.edge.ratelimit;

import java.util.List;

/**
 * A {@link RateLimiter} whose buckets every instance shares (Redis): it can also be charged with
 * admissions decided elsewhere, so that requests an instance admitted on its own while the shared
 * buckets could not answer ({@link FallbackRateLimiter}) count there too once they answer again.
 */
public interface SharedRateLimiter extends RateLimiter {

  /**
   * Takes up to {@code counts[i]} tokens from bucket {@code i}, as many as it holds (none when it
   * is empty: what was admitted beyond that is gone, not owed), atomically; never refuses.
   *
   * @param buckets the buckets, at least one, distinct keys
   * @param counts the admissions to charge to each, each at least 1, in the same order
   * @throws RateLimiterUnavailableException when the store cannot answer
   */
  void charge(List<Bucket> buckets, int[] counts);
}
