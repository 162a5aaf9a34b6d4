package app.stride.edge.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * How many calls to one dependency may be in flight at once, and how long a call may wait for a
 * free slot before it is refused.
 *
 * <p>A call holds its slot until it has really ended, not merely until its caller gave up on it: a
 * dependency that hangs therefore fills its bulkhead, and further calls are refused at once instead
 * of piling up threads.
 *
 * @param maxConcurrentCalls calls in flight at once, at least 1
 * @param maxWait how long a call waits for a slot; zero refuses at once
 */
public record BulkheadPolicy(int maxConcurrentCalls, Duration maxWait) {
  public BulkheadPolicy {
    if (maxConcurrentCalls < 1) {
      throw new IllegalArgumentException("maxConcurrentCalls must be at least 1");
    }
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait cannot be negative");
    }
  }
}
