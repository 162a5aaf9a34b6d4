package app.stride.edge.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * When a dependency's circuit breaker opens, and how it recovers.
 *
 * <p>The breaker judges the calls of the last {@code slidingWindow} (a time-based window, whole
 * seconds) once it holds at least {@code minimumCalls}: it opens when the share of failures reaches
 * {@code failureRateThreshold} percent, or the share of calls slower than {@code slowCallDuration}
 * reaches {@code slowCallRateThreshold} percent. Open, it refuses every call for {@code
 * waitInOpenState}; then it half-opens and lets {@code permittedCallsInHalfOpen} trial calls
 * through, closing if they pass the same thresholds and opening again if not.
 *
 * @param failureRateThreshold percent of failed calls that opens the breaker, in (0, 100]
 * @param slowCallRateThreshold percent of slow calls that opens the breaker, in (0, 100]
 * @param slowCallDuration a call taking longer than this is slow
 * @param slidingWindow the span of recent calls judged, at least one second, in whole seconds
 * @param minimumCalls calls needed in the window before the breaker judges, at least 1
 * @param waitInOpenState how long an open breaker refuses calls before half-opening
 * @param permittedCallsInHalfOpen trial calls let through when half-open, at least 1
 */
public record BreakerPolicy(
    float failureRateThreshold,
    float slowCallRateThreshold,
    Duration slowCallDuration,
    Duration slidingWindow,
    int minimumCalls,
    Duration waitInOpenState,
    int permittedCallsInHalfOpen) {

  public BreakerPolicy {
    requirePercent(failureRateThreshold, "failureRateThreshold");
    requirePercent(slowCallRateThreshold, "slowCallRateThreshold");
    requirePositive(slowCallDuration, "slowCallDuration");
    requirePositive(slidingWindow, "slidingWindow");
    if (slidingWindow.toSeconds() < 1 || slidingWindow.toNanos() % 1_000_000_000L != 0) {
      throw new IllegalArgumentException("slidingWindow must be whole seconds, at least one");
    }
    if (minimumCalls < 1) {
      throw new IllegalArgumentException("minimumCalls must be at least 1");
    }
    requirePositive(waitInOpenState, "waitInOpenState");
    if (permittedCallsInHalfOpen < 1) {
      throw new IllegalArgumentException("permittedCallsInHalfOpen must be at least 1");
    }
  }

  /** This policy, opening at {@code percent} failures. */
  public BreakerPolicy withFailureRateThreshold(float percent) {
    return new BreakerPolicy(
        percent,
        slowCallRateThreshold,
        slowCallDuration,
        slidingWindow,
        minimumCalls,
        waitInOpenState,
        permittedCallsInHalfOpen);
  }

  /** This policy, counting calls over {@code duration} as slow and opening at {@code percent}. */
  public BreakerPolicy withSlowCalls(Duration duration, float percent) {
    return new BreakerPolicy(
        failureRateThreshold,
        percent,
        duration,
        slidingWindow,
        minimumCalls,
        waitInOpenState,
        permittedCallsInHalfOpen);
  }

  /** This policy, judging the calls of the last {@code window}. */
  public BreakerPolicy withSlidingWindow(Duration window) {
    return new BreakerPolicy(
        failureRateThreshold,
        slowCallRateThreshold,
        slowCallDuration,
        window,
        minimumCalls,
        waitInOpenState,
        permittedCallsInHalfOpen);
  }

  /** This policy, judging once the window holds {@code calls} calls. */
  public BreakerPolicy withMinimumCalls(int calls) {
    return new BreakerPolicy(
        failureRateThreshold,
        slowCallRateThreshold,
        slowCallDuration,
        slidingWindow,
        calls,
        waitInOpenState,
        permittedCallsInHalfOpen);
  }

  /** This policy, staying open for {@code wait} before half-opening. */
  public BreakerPolicy withWaitInOpenState(Duration wait) {
    return new BreakerPolicy(
        failureRateThreshold,
        slowCallRateThreshold,
        slowCallDuration,
        slidingWindow,
        minimumCalls,
        wait,
        permittedCallsInHalfOpen);
  }

  /** This policy, letting {@code calls} trial calls through when half-open. */
  public BreakerPolicy withPermittedCallsInHalfOpen(int calls) {
    return new BreakerPolicy(
        failureRateThreshold,
        slowCallRateThreshold,
        slowCallDuration,
        slidingWindow,
        minimumCalls,
        waitInOpenState,
        calls);
  }

  private static void requirePercent(float value, String name) {
    if (!(value > 0 && value <= 100)) {
      throw new IllegalArgumentException(name + " must be a percentage in (0, 100]");
    }
  }

  static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
