package app.stride.auth.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs one call on several threads released at the same moment, for race tests of the stores. */
public final class ConcurrentCalls {
  private static final long TIMEOUT_SECONDS = 30;

  private ConcurrentCalls() {}

  /** The outcome of one call: its result, or what it threw. */
  public record Outcome<T>(T result, Throwable failure) {
    public boolean succeeded() {
      return failure == null;
    }
  }

  /** Runs {@code call} on {@code threads} threads at once and returns every outcome. */
  public static <T> List<Outcome<T>> race(int threads, Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Outcome<T>>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  try {
                    return new Outcome<>(call.call(), null);
                  } catch (Exception e) {
                    return new Outcome<T>(null, e);
                  }
                }));
      }
      ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      go.countDown();
      List<Outcome<T>> outcomes = new ArrayList<>();
      for (Future<Outcome<T>> f : futures) {
        outcomes.add(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
