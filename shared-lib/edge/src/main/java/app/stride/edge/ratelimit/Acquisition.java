package app.stride.edge.ratelimit;

import java.util.List;

/**
 * The answer of a {@link RateLimiter}: whether the request was admitted (a token was taken from
 * every bucket) or refused (no token was taken from any), and the state of each bucket.
 *
 * @param allowed whether every bucket had a token
 * @param states one per requested bucket, in the same order
 */
public record Acquisition(boolean allowed, List<BucketState> states) {
  public Acquisition {
    states = List.copyOf(states);
  }
}
