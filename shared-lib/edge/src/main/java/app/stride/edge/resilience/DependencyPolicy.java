package app.stride.edge.resilience;

import app.stride.core.config.Env;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The resilience settings of one outbound dependency: its time limit, circuit breaker and bulkhead.
 * Start from the defaults of its {@link DependencyKind} and adjust what differs:
 *
 * <pre>{@code
 * DependencyPolicy stripe = DependencyPolicy.thirdPartyApi("stripe")
 *     .withCallTimeout(Duration.ofSeconds(8));
 * }</pre>
 *
 * <p>The slow-call duration may not exceed the time limit (such calls would be cut off before they
 * could count as slow): to shorten both, change the breaker first or use the canonical constructor.
 *
 * @param name the dependency's name: lower-case letters, digits and dashes, starting with a letter
 *     (it becomes the {@code dependency} metric tag and part of thread names)
 * @param callTimeout how long a caller waits for one call before answering 503
 * @param breaker when the breaker opens and how it recovers
 * @param bulkhead how many calls may be in flight at once
 */
public record DependencyPolicy(
    String name, Duration callTimeout, BreakerPolicy breaker, BulkheadPolicy bulkhead) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  public DependencyPolicy {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a dependency name is lower-case letters, digits and dashes, starting with a letter");
    }
    BreakerPolicy.requirePositive(callTimeout, "callTimeout");
    Objects.requireNonNull(breaker, "breaker");
    Objects.requireNonNull(bulkhead, "bulkhead");
    if (breaker.slowCallDuration().compareTo(callTimeout) > 0) {
      throw new IllegalArgumentException(
          "slowCallDuration beyond callTimeout would never be reached: a call is cut off first");
    }
  }

  /** The defaults for another Stride region's API, see {@link DependencyKind#OTHER_REGION_API}. */
  public static DependencyPolicy otherRegionApi(String name) {
    return DependencyKind.OTHER_REGION_API.policyFor(name);
  }

  /** The defaults for a third-party HTTP API, see {@link DependencyKind#THIRD_PARTY_API}. */
  public static DependencyPolicy thirdPartyApi(String name) {
    return DependencyKind.THIRD_PARTY_API.policyFor(name);
  }

  /** The defaults for a data store, see {@link DependencyKind#DATA_STORE}. */
  public static DependencyPolicy dataStore(String name) {
    return DependencyKind.DATA_STORE.policyFor(name);
  }

  /**
   * This policy with what the environment sets for it, each setting optional: {@code
   * STRIDE_OUTBOUND_<NAME>_} followed by {@code CALL_TIMEOUT_MS}, {@code MAX_CONCURRENT}, {@code
   * BULKHEAD_WAIT_MS}, {@code FAILURE_RATE} and {@code SLOW_CALL_RATE} (percent), {@code
   * SLOW_CALL_MS}, {@code WINDOW_SECONDS}, {@code MIN_CALLS}, {@code OPEN_MS} (wait in the open
   * state), {@code HALF_OPEN_CALLS}; {@code <NAME>} is the name upper-cased with dashes as
   * underscores. A shorter time limit without its own slow-call duration pulls the slow-call
   * duration down to it. Read once, at start-up.
   *
   * @throws IllegalStateException when a value is not a number, naming the variable
   * @throws IllegalArgumentException when the result is not a valid policy
   */
  public DependencyPolicy overriddenBy(Env env) {
    PolicyEnvironment vars = new PolicyEnvironment(env, name);
    Duration timeout = vars.millis("CALL_TIMEOUT_MS").orElse(callTimeout);
    Duration slow =
        vars.millis("SLOW_CALL_MS")
            .orElse(
                breaker.slowCallDuration().compareTo(timeout) > 0
                    ? timeout
                    : breaker.slowCallDuration());
    BreakerPolicy nextBreaker =
        new BreakerPolicy(
            vars.percent("FAILURE_RATE").orElse(breaker.failureRateThreshold()),
            vars.percent("SLOW_CALL_RATE").orElse(breaker.slowCallRateThreshold()),
            slow,
            vars.seconds("WINDOW_SECONDS").orElse(breaker.slidingWindow()),
            vars.integer("MIN_CALLS").orElse(breaker.minimumCalls()),
            vars.millis("OPEN_MS").orElse(breaker.waitInOpenState()),
            vars.integer("HALF_OPEN_CALLS").orElse(breaker.permittedCallsInHalfOpen()));
    BulkheadPolicy nextBulkhead =
        new BulkheadPolicy(
            vars.integer("MAX_CONCURRENT").orElse(bulkhead.maxConcurrentCalls()),
            vars.millis("BULKHEAD_WAIT_MS").orElse(bulkhead.maxWait()));
    return new DependencyPolicy(name, timeout, nextBreaker, nextBulkhead);
  }

  /** This policy with another time limit. */
  public DependencyPolicy withCallTimeout(Duration timeout) {
    return new DependencyPolicy(name, timeout, breaker, bulkhead);
  }

  /** This policy with another breaker. */
  public DependencyPolicy withBreaker(BreakerPolicy next) {
    return new DependencyPolicy(name, callTimeout, next, bulkhead);
  }

  /** This policy with another bulkhead. */
  public DependencyPolicy withBulkhead(BulkheadPolicy next) {
    return new DependencyPolicy(name, callTimeout, breaker, next);
  }
}
