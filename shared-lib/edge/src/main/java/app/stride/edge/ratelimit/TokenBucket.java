package app.stride.edge.ratelimit;

/**
 * The token bucket arithmetic, on microseconds: the in-process twin of the Lua script in {@link
 * TokenBucketScript} (same formulas, so both stores decide alike).
 *
 * @param tokens the tokens held at {@code updatedMicros}, fractional
 * @param updatedMicros when {@code tokens} was last brought up to date
 */
record TokenBucket(double tokens, long updatedMicros) {

  /** A bucket seen for the first time: full. */
  static TokenBucket full(BucketSpec spec, long nowMicros) {
    return new TokenBucket(spec.capacity(), nowMicros);
  }

  /**
   * This bucket brought up to {@code nowMicros}: the tokens gained meanwhile, up to capacity. A
   * clock that went backwards adds nothing and keeps the later timestamp, so no interval is ever
   * counted twice.
   */
  TokenBucket refilledAt(BucketSpec spec, long nowMicros) {
    if (nowMicros <= updatedMicros) {
      return this;
    }
    double gained =
        (double) (nowMicros - updatedMicros) * spec.refillTokens() / spec.periodMicros();
    return new TokenBucket(Math.min(spec.capacity(), tokens + gained), nowMicros);
  }

  /** Whether one request can be admitted. */
  boolean hasToken() {
    return tokens >= 1;
  }

  /**
   * How many of {@code wanted} tokens a grant takes: at least {@code needed} (0 or 1, which the
   * caller checked this bucket holds), at most the whole tokens held.
   */
  int grantable(int wanted, int needed) {
    return (int) Math.max(needed, Math.min(wanted, Math.floor(tokens)));
  }

  /** This bucket after handing out {@code count} tokens. */
  TokenBucket taken(int count) {
    return new TokenBucket(tokens - count, updatedMicros);
  }

  /** Whole tokens left, and the time until the next whole token. */
  BucketState state(BucketSpec spec) {
    double whole = Math.floor(tokens);
    return new BucketState((long) whole, spec.microsToGain(whole + 1 - tokens));
  }
}
