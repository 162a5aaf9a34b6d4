package app.stride.edge.ratelimit;

/** Closing what a limiter wraps, when it holds something to close (a Redis client). */
final class Closeables {
  private Closeables() {}

  /**
   * Closes {@code candidate} if it is {@link AutoCloseable}.
   *
   * @throws IllegalStateException when closing fails
   */
  static void closeIfCloseable(Object candidate) {
    if (candidate instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        throw new IllegalStateException("closing the rate limiter failed", e);
      }
    }
  }
}
