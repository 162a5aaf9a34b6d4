package app.stride.auth.gcp.adapter.out.firestore;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A short random pause between attempts of a read-and-conditional-write that lost to a concurrent
 * writer, so racing callers spread out instead of colliding again.
 */
final class Backoff {
  private static final long MAX_MILLIS = 40;

  private Backoff() {}

  /** Pauses before attempt {@code attempt + 1}: up to 2^attempt ms, at most 40 ms. */
  static void pause(int attempt) {
    long bound = Math.min(MAX_MILLIS, 1L << Math.min(attempt, 6));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
