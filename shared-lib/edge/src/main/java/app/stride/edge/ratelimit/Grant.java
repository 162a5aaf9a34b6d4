package app.stride.edge.ratelimit;

import java.util.List;

/**
 * The answer of a {@link TokenSource}: whether every bucket had a token, how many each granted, and
 * each bucket's state right after the grant.
 *
 * @param allowed whether every bucket had a whole token (then each granted at least one)
 * @param granted tokens taken from each bucket, in the order asked; all zero when refused
 * @param states each bucket after the grant: {@code remaining} excludes the granted tokens
 */
record Grant(boolean allowed, List<Integer> granted, List<BucketState> states) {
  Grant {
    granted = List.copyOf(granted);
    states = List.copyOf(states);
    if (granted.size() != states.size()) {
      throw new IllegalArgumentException("one grant per state");
    }
  }

  /** The grant as a one-request {@link Acquisition}, for sources asked for one token each. */
  Acquisition acquisition() {
    return new Acquisition(allowed, states);
  }
}
