package app.stride.edge.resilience;

import java.time.Duration;

/**
 * The kinds of outbound dependency, each with the {@link DependencyPolicy defaults} that suit it.
 *
 * <p>Every default bulkhead refuses rather than queues (no or almost no wait): a function instance
 * that waits for a sick dependency holds its own caller, and the edge's latency goal (p99 under 25
 * ms) leaves no room for queues. Breakers need ten or more calls in their window before they judge,
 * so one unlucky call never opens them.
 */
public enum DependencyKind {
  /**
   * Another Stride region's API (or the global directory): a cross-region round trip of 100 to 300
   * ms, our own code behind it. Time limit 2.5 s, just above {@code HttpDirectory}'s 2 s request
   * timeout so that the HTTP client's own timeout answers first and the time limit is the backstop.
   */
  OTHER_REGION_API(
      Duration.ofMillis(2_500),
      new BreakerPolicy(
          50, 80, Duration.ofMillis(1_500), Duration.ofSeconds(30), 10, Duration.ofSeconds(15), 3),
      new BulkheadPolicy(25, Duration.ZERO)),

  /**
   * A third-party HTTP API (payments, push, messaging, device clouds): slower and less predictable,
   * with its own rate limits. Time limit 5 s; a longer open wait (30 s) so that an outage there is
   * not hammered.
   */
  THIRD_PARTY_API(
      Duration.ofSeconds(5),
      new BreakerPolicy(
          50, 80, Duration.ofSeconds(3), Duration.ofSeconds(60), 10, Duration.ofSeconds(30), 3),
      new BulkheadPolicy(20, Duration.ZERO)),

  /**
   * A data store in the same region (DynamoDB, Firestore, Redis): single-digit milliseconds when
   * healthy, so a 1 s time limit is generous, slow calls start at 500 ms and the open wait is short
   * (5 s); many small calls, hence the larger bulkhead and window minimum, and a 10 ms wait that
   * smooths bursts without queueing.
   */
  DATA_STORE(
      Duration.ofSeconds(1),
      new BreakerPolicy(
          50, 80, Duration.ofMillis(500), Duration.ofSeconds(20), 20, Duration.ofSeconds(5), 5),
      new BulkheadPolicy(50, Duration.ofMillis(10)));

  private final Duration callTimeout;
  private final BreakerPolicy breaker;
  private final BulkheadPolicy bulkhead;

  DependencyKind(Duration callTimeout, BreakerPolicy breaker, BulkheadPolicy bulkhead) {
    this.callTimeout = callTimeout;
    this.breaker = breaker;
    this.bulkhead = bulkhead;
  }

  /** The default policy of a dependency of this kind named {@code name}. */
  public DependencyPolicy policyFor(String name) {
    return new DependencyPolicy(name, callTimeout, breaker, bulkhead);
  }
}
