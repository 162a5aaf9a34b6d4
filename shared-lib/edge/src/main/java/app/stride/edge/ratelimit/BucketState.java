package app.stride.edge.ratelimit;

/**
 * A bucket right after a decision.
 *
 * @param remaining the whole tokens left (0 when the request was refused for lack of one)
 * @param microsToNextToken how long until the bucket holds one more whole token; for an empty
 *     bucket, how long until a request can be admitted
 */
public record BucketState(long remaining, long microsToNextToken) {
  public BucketState {
    if (remaining < 0 || microsToNextToken < 0) {
      throw new IllegalArgumentException("bucket state must not be negative");
    }
  }

  /** {@link #microsToNextToken()} in whole seconds, rounded up, at least 1. */
  public long secondsToNextToken() {
    return Math.max(1, (microsToNextToken + 999_999) / 1_000_000);
  }

  /** Whether a request could take a token from this bucket now. */
  boolean hasToken() {
    return remaining >= 1;
  }
}
