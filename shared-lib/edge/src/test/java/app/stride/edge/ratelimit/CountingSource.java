package app.stride.edge.ratelimit;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TokenSource} that counts the calls into a real one (Redis or in-process buckets) and
 * records what each asked for; it can be switched to fail like an unreachable Redis.
 */
final class CountingSource implements TokenSource, AutoCloseable {
  private final TokenSource real;
  final AtomicInteger calls = new AtomicInteger();
  final List<List<Integer>> wanted = new CopyOnWriteArrayList<>();
  final List<List<Integer>> needed = new CopyOnWriteArrayList<>();
  volatile boolean down;

  CountingSource(TokenSource real) {
    this.real = real;
  }

  @Override
  public Grant take(List<Bucket> buckets, int[] counts, int[] needs) {
    calls.incrementAndGet();
    wanted.add(Arrays.stream(counts).boxed().toList());
    needed.add(Arrays.stream(needs).boxed().toList());
    if (down) {
      throw new RateLimiterUnavailableException("Redis connect failed", null);
    }
    return real.take(buckets, counts, needs);
  }

  /** The first count asked for in each call, in order. */
  List<Integer> firstWanted() {
    return wanted.stream().map(counts -> counts.get(0)).toList();
  }

  @Override
  public void close() throws Exception {
    if (real instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
