package app.stride.testkit.server;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls a readiness probe until it holds, the server is known to be dead, or time runs out. */
final class Await {

  /** A readiness check; an exception counts as "not ready yet". */
  @FunctionalInterface
  interface Probe {
    boolean ready() throws Exception;
  }

  private static final long MAX_PAUSE_MILLIS = 200;

  private Await() {}

  /**
   * Waits until {@code probe} answers true.
   *
   * @param what what is being waited for, used in the failure message
   * @param deadReason answers a reason as soon as waiting longer is pointless (process exited)
   */
  static void until(
      String what, Duration timeout, Probe probe, Supplier<Optional<String>> deadReason) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 20;
    Exception last = null;
    while (true) {
      try {
        if (probe.ready()) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServerStartException("interrupted while waiting for " + what, e);
      } catch (Exception e) {
        last = e;
      }
      Optional<String> dead = deadReason.get();
      if (dead.isPresent()) {
        throw new ServerStartException(what + " did not start: " + dead.get(), last);
      }
      if (System.nanoTime() > deadline) {
        throw new ServerStartException(
            what + " did not answer within " + timeout.toMillis() + " ms", last);
      }
      sleep(pause);
      pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("interrupted while waiting for a server", e);
    }
  }
}
