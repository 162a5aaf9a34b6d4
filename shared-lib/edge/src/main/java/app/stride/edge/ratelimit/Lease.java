package app.stride.edge.ratelimit;

/**
 * The tokens one instance holds of one bucket (see {@link LeasingRateLimiter}): how many are left,
 * what Redis said when it last granted some, and until when they may be used. Every method is a
 * short critical section on this object; none is ever held across a call to Redis.
 *
 * <p>A lease may hold two grants: the current one, and the next one, renewed ahead of time by a
 * request that called Redis anyway (see {@link #claimRenewal}). Each grant keeps its own lifetime,
 * counted from before the call that took it: the current grant's tokens are spent first, and the
 * next one takes over when they are used up or expire. So no token lives longer than one lifetime,
 * however a lease is renewed.
 *
 * <p>Sizing (demand-driven, so idle or slow keys lease no more than they use): the first lease of a
 * key is 1 token; a lease used up before it expired is followed by one twice as large; a lease that
 * expired is followed by one as large as what it served; a key idle for a whole lifetime after its
 * lease expired starts again at 1. A renewal asks for what the current grant has served so far
 * (twice its size when it is used up). Never more than the bucket's largest lease.
 */
final class Lease {

  /** What {@link #take} did. */
  sealed interface Attempt permits Taken, Fetch, Wait {}

  /**
   * A leased token was taken.
   *
   * @param generation which grant it came from, for {@link #giveBack}
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

  /**
   * The lease is empty and a fetch is in flight that asked for more tokens than its leader needs:
   * {@link #awaitFetch} for it, then take again.
   *
   * @param fetch which fetch to wait for
   */
  record Wait(long fetch) implements Attempt {}

  private static final Fetch OWN_TOKEN = new Fetch(1, false);

  /** The current grant. */
  private long generation;

  private int granted;
  private int tokens;
  private long startedAtNanos;
  private long expiresAtNanos;

  /** The next grant, taken ahead of time; {@code nextGranted} 0 when there is none. */
  private int nextGranted;

  private long nextStartedAtNanos;
  private long nextExpiresAtNanos;

  /** Redis' answer to the latest grant. */
  private long redisRemaining;

  private long microsToNextToken;
  private long grantedAtNanos;

  /** A fetch or renewal in flight: its number, and the tokens it may bring others. */
  private boolean fetching;

  private long fetchSeq;
  private int fetchSpare;
  private int waiting;

  /**
   * Takes one leased token if the lease holds one that has not expired; otherwise, if no other
   * caller is fetching this key's next lease, makes this caller the one that does; otherwise, if
   * the fetch in flight asked for a token nobody waits for yet and {@code mayWait}, has the caller
   * wait for it; otherwise the caller asks Redis for its own token.
   *
   * @param nowNanos the local monotonic time
   * @param largest the bucket's largest lease
   * @param lifetimeNanos how long the bucket's leases live
   * @param mayWait whether the caller may wait for a fetch in flight (one that leads a fetch of its
   *     own must not: two requests could wait for each other)
   */
  synchronized Attempt take(long nowNanos, int largest, long lifetimeNanos, boolean mayWait) {
    if (nextGranted > 0 && (tokens == 0 || nowNanos - expiresAtNanos >= 0)) {
      promoteNext();
    }
    if (tokens > 0 && nowNanos - expiresAtNanos < 0) {
      tokens--;
      return new Taken(generation, state(nowNanos));
    }
    if (fetching) {
      if (mayWait && waiting < fetchSpare) {
        waiting++;
        return new Wait(fetchSeq);
      }
      return OWN_TOKEN;
    }
    int size = nextSize(nowNanos, largest, lifetimeNanos);
    startFetch(size - 1); // the leader spends one
    return new Fetch(size, true);
  }

  /**
   * Waits until the fetch {@code fetch} has ended (installed or abandoned), at most {@code
   * maxWaitNanos}: the longest a call to Redis takes before it fails. An interrupt ends the wait,
   * keeping the thread's interrupt status.
   */
  synchronized void awaitFetch(long fetch, long maxWaitNanos) {
    long deadline = System.nanoTime() + maxWaitNanos;
    while (fetching && fetchSeq == fetch) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        wait(left / 1_000_000, (int) (left % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
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
    startedAtNanos = startedNanos;
    expiresAtNanos = startedNanos + lifetimeNanos;
    nextGranted = 0;
    endFetch();
    answered(startedNanos, after);
    return state(startedNanos);
  }

  /**
   * Makes the caller, whose request took a token of this lease and is about to call Redis for its
   * other buckets anyway, the one that renews it in that call, if a renewal is due: the current
   * grant is used up or past half its lifetime, no next grant is held and nobody is fetching. The
   * caller then must {@link #installNext} or {@link #abandon}.
   *
   * @return the tokens to ask for, or 0 when no renewal is due
   */
  synchronized int claimRenewal(long nowNanos, int largest, long lifetimeNanos) {
    if (fetching || nextGranted > 0 || granted == 0 || nowNanos - expiresAtNanos >= 0) {
      return 0;
    }
    int size;
    if (tokens == 0) {
      size = 2 * granted; // used up while still valid, as in nextSize
    } else if (nowNanos - startedAtNanos >= lifetimeNanos / 2) {
      size = granted - tokens; // what it served in the first half of its life or more
    } else {
      return 0;
    }
    int renewal = Math.max(1, Math.min(largest, size));
    startFetch(renewal); // the renewing request spends none of them
    return renewal;
  }

  /**
   * Holds the tokens a renewal got as the next grant (none of them spent yet), and Redis' answer as
   * the latest, also when the bucket had nothing to give.
   *
   * @param startedNanos the local time before the call to Redis: their lifetime starts then
   * @param lifetimeNanos how long they live
   * @param grantedTokens the tokens Redis granted, maybe none (the bucket was empty)
   * @param after the bucket as Redis left it after the grant
   * @return the bucket as this instance sees it now
   */
  synchronized BucketState installNext(
      long startedNanos, long lifetimeNanos, int grantedTokens, BucketState after) {
    endFetch();
    if (grantedTokens > 0) {
      nextGranted = grantedTokens;
      nextStartedAtNanos = startedNanos;
      nextExpiresAtNanos = startedNanos + lifetimeNanos;
    }
    answered(startedNanos, after);
    return state(startedNanos);
  }

  /** The leader's fetch or renewal ended without a lease (refused, or Redis failed). */
  synchronized void abandon() {
    endFetch();
  }

  /**
   * Returns a token taken by a request another bucket refused, if it came from the current grant (a
   * token of a replaced grant is dropped: dropping is always safe).
   *
   * @return the bucket as this instance sees it now
   */
  synchronized BucketState giveBack(long takenFrom, long nowNanos) {
    if (takenFrom == generation) {
      tokens++;
    }
    return state(nowNanos);
  }

  /** Whether nothing is fetching and every grant ended more than {@code graceNanos} ago. */
  synchronized boolean idle(long nowNanos, long graceNanos) {
    long ends = nextGranted > 0 ? Math.max(expiresAtNanos, nextExpiresAtNanos) : expiresAtNanos;
    return !fetching && nowNanos - ends > graceNanos;
  }

  private void startFetch(int spare) {
    fetching = true;
    fetchSeq++;
    fetchSpare = spare;
    waiting = 0;
  }

  private void endFetch() {
    fetching = false;
    waiting = 0;
    notifyAll();
  }

  private void promoteNext() {
    generation++;
    granted = nextGranted;
    tokens = nextGranted;
    startedAtNanos = nextStartedAtNanos;
    expiresAtNanos = nextExpiresAtNanos;
    nextGranted = 0;
  }

  private void answered(long startedNanos, BucketState after) {
    redisRemaining = after.remaining();
    microsToNextToken = after.microsToNextToken();
    grantedAtNanos = startedNanos;
  }

  /**
   * Remaining = what Redis kept at the latest grant plus the leased tokens not yet used: what the
   * bucket held then minus what was taken from it since through this lease. No refill is added, so
   * it never says more than the bucket held; the time to the next token counts down from Redis'
   * answer.
   */
  private BucketState state(long nowNanos) {
    long elapsedMicros = (nowNanos - grantedAtNanos) / 1_000;
    return new BucketState(
        redisRemaining + tokens + nextGranted, Math.max(0, microsToNextToken - elapsedMicros));
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
