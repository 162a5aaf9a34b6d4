package app.stride.edge.ratelimit;

/**
 * The tokens one instance holds of one bucket (see {@link LeasingRateLimiter}): how many are left,
 * what Redis said when it granted them, and until when they may be used. Every method is a short
 * critical section on this object; none is ever held across a call to Redis.
 *
 * <p>Sizing (demand-driven, so idle or slow keys lease no more than they use): the first lease of a
 * key is 1 token; a lease used up before it expired is followed by one twice as large; a lease that
 * expired is followed by one as large as what it served; a key idle for a whole lifetime after its
 * lease expired starts again at 1. Never more than the bucket's largest lease.
 */
final class Lease {

  /** What {@link #take} did. */
  sealed interface Attempt permits Taken, Fetch {}

  /**
   * A leased token was taken.
   *
   * @param generation which lease it came from, for {@link #giveBack}
   * @param state the bucket as this instance sees it after the take
   */
  record Taken(long generation, BucketState state) implements Attempt {}

  /**
   * No leased token: ask Redis.
   *
   * @param wanted how many tokens to ask for
   * @param leader whether this caller fetches the key's next lease (then it must {@link #install}
   *     or {@link #abandon}); a caller that is not asks for its own token only
   */
  record Fetch(int wanted, boolean leader) implements Attempt {}

  private static final Fetch OWN_TOKEN = new Fetch(1, false);

  private long generation;
  private int granted;
  private int tokens;
  private long redisRemaining;
  private long microsToNextToken;
  private long grantedAtNanos;
  private long expiresAtNanos;
  private boolean fetching;

  /**
   * Takes one leased token if the lease holds one and has not expired; otherwise, if no other
   * caller is fetching this key's next lease, makes this caller the one that does.
   *
   * @param nowNanos the local monotonic time
   * @param largest the bucket's largest lease
   * @param lifetimeNanos how long the bucket's leases live
   */
  synchronized Attempt take(long nowNanos, int largest, long lifetimeNanos) {
    if (tokens > 0 && nowNanos - expiresAtNanos < 0) {
      tokens--;
      return new Taken(generation, state(nowNanos));
    }
    if (fetching) {
      return OWN_TOKEN;
    }
    fetching = true;
    return new Fetch(nextSize(nowNanos, largest, lifetimeNanos), true);
  }

  /**
   * Installs the lease the leader fetched, one of its tokens already spent on the leader's request;
   * whatever the previous lease still held is dropped.
   *
   * @param startedNanos the local time before the call to Redis: the lease's lifetime starts then
   * @param lifetimeNanos how long it lives
   * @param grantedTokens the tokens Redis granted, at least 1
   * @param after the bucket as Redis left it after the grant
   * @return the bucket as this instance sees it after the leader's request
   */
  synchronized BucketState install(
      long startedNanos, long lifetimeNanos, int grantedTokens, BucketState after) {
    if (grantedTokens < 1) {
      throw new IllegalArgumentException("an admitted request was granted a token");
    }
    generation++;
    granted = grantedTokens;
    tokens = grantedTokens - 1;
    redisRemaining = after.remaining();
    microsToNextToken = after.microsToNextToken();
    grantedAtNanos = startedNanos;
    expiresAtNanos = startedNanos + lifetimeNanos;
    fetching = false;
    return state(startedNanos);
  }

  /** The leader's fetch ended without a lease (refused, or Redis failed). */
  synchronized void abandon() {
    fetching = false;
  }

  /**
   * Returns a token taken by a request another bucket refused, if it came from the current lease (a
   * token of a replaced lease is dropped: dropping is always safe).
   *
   * @return the bucket as this instance sees it now
   */
  synchronized BucketState giveBack(long takenFrom, long nowNanos) {
    if (takenFrom == generation) {
      tokens++;
    }
    return state(nowNanos);
  }

  /** Whether nothing is fetching and the lease ended more than {@code graceNanos} ago. */
  synchronized boolean idle(long nowNanos, long graceNanos) {
    return !fetching && nowNanos - expiresAtNanos > graceNanos;
  }

  /** Unused tokens of the current lease, expired or not. */
  synchronized int tokens() {
    return tokens;
  }

  /**
   * Remaining = what Redis kept at the grant plus the leased tokens not yet used: what the bucket
   * held at the grant minus what was taken from it since through this lease. No refill is added, so
   * it never says more than the bucket held; the time to the next token counts down from Redis'
   * answer.
   */
  private BucketState state(long nowNanos) {
    long elapsedMicros = (nowNanos - grantedAtNanos) / 1_000;
    return new BucketState(redisRemaining + tokens, Math.max(0, microsToNextToken - elapsedMicros));
  }

  private int nextSize(long nowNanos, int largest, long lifetimeNanos) {
    int size;
    if (granted == 0) {
      size = 1;
    } else if (nowNanos - expiresAtNanos < 0) {
      size = 2 * granted; // used up while still valid: the demand is larger
    } else if (nowNanos - expiresAtNanos >= lifetimeNanos) {
      size = 1; // idle for a whole lifetime: start small again
    } else {
      size = granted - tokens; // expired: about what one lifetime serves
    }
    return Math.max(1, Math.min(largest, size));
  }
}
