package app.stride.edge.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.core.exception.AcquirePermissionCancelledException;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One dependency's breaker, bulkhead and time limit, and the worker threads its calls run on.
 *
 * <p>Order, outside in: the breaker (an open one refuses before anything else), the bulkhead (a
 * slot is taken by the caller and given back by the worker when the call has really ended), the
 * time limit (the caller waits on the worker's future at most {@code callTimeout}, then cancels it
 * with an interrupt). A full bulkhead is not held against the dependency: the breaker neither
 * counts it as a failure nor as a success.
 */
final class DependencyGuard implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DependencyGuard.class);
  private static final Duration IDLE_WORKER = Duration.ofSeconds(30);

  private final DependencyPolicy policy;
  private final Predicate<Throwable> countsAsFailure;
  private final Clock clock;
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;
  private final TimeLimiter timeLimiter;
  private final ThreadPoolExecutor workers;
  private final GuardMetrics metrics;
  private final List<ContextCarrier> carriers;
  private final Unavailable unavailable;
  private volatile Instant openUntil = Instant.MIN;

  DependencyGuard(
      DependencyPolicy policy,
      Predicate<Throwable> countsAsFailure,
      boolean store,
      Clock clock,
      MeterRegistry registry,
      List<ContextCarrier> carriers) {
    this.policy = policy;
    this.unavailable = new Unavailable(store);
    this.carriers = List.copyOf(carriers);
    this.countsAsFailure = countsAsFailure;
    this.clock = clock;
    this.breaker = CircuitBreaker.of(policy.name(), breakerConfig(policy, countsAsFailure, clock));
    this.bulkhead = Bulkhead.of(policy.name(), bulkheadConfig(policy.bulkhead()));
    this.timeLimiter =
        TimeLimiter.of(
            policy.name(),
            TimeLimiterConfig.custom()
                .timeoutDuration(policy.callTimeout())
                .cancelRunningFuture(true)
                .build());
    int threads = policy.bulkhead().maxConcurrentCalls();
    this.workers =
        new ThreadPoolExecutor(
            threads,
            threads,
            IDLE_WORKER.toMillis(),
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            daemonThreads("stride-outbound-" + policy.name() + "-"));
    workers.allowCoreThreadTimeOut(true);
    this.metrics = new GuardMetrics(registry, policy.name(), breaker);
    breaker.getEventPublisher().onStateTransition(e -> onTransition(e.getStateTransition()));
  }

  DependencyPolicy policy() {
    return policy;
  }

  CircuitBreaker.State state() {
    return breaker.getState();
  }

  /**
   * Runs {@code work} under the guard. With a {@code fallback}, a refusal, a timeout or a failure
   * (per the dependency's rule) answers {@code fallback}'s value; without one, it answers a 503
   * problem. What the call throws that is not a failure passes through unchanged.
   */
  <T> T call(Callable<T> work, Function<Throwable, ? extends T> fallback) {
    try {
      return guarded(work);
    } catch (InterruptedException | AcquirePermissionCancelledException e) {
      Thread.currentThread().interrupt();
      throw unavailable.failed(e);
    } catch (Throwable e) {
      if (fallback != null && isFailure(e)) {
        return fallback.apply(e);
      }
      throw translate(e);
    }
  }

  /**
   * Asks the breaker, then takes a bulkhead slot, on the caller's thread; the caller runs the call
   * itself, bounded by its client's own time limit, and ends the permit. A refusal is the 503
   * problem {@link #call} would answer.
   */
  CallPermit enter() {
    if (!breaker.tryAcquirePermission()) {
      metrics.record(CallOutcome.REJECTED_OPEN);
      throw unavailable.breakerOpen(
          secondsUntilHalfOpen(),
          CallNotPermittedException.createCallNotPermittedException(breaker));
    }
    boolean slot;
    try {
      slot = bulkhead.tryAcquirePermission();
    } catch (RuntimeException e) { // interrupted while waiting for a slot
      breaker.releasePermission();
      throw unavailable.failed(e);
    }
    if (!slot) {
      breaker.releasePermission();
      metrics.record(CallOutcome.REJECTED_BULKHEAD);
      throw unavailable.busy(BulkheadFullException.createBulkheadFullException(bulkhead));
    }
    return new CallPermit(this, breaker.getCurrentTimestamp());
  }

  /** Ends an entered call that the dependency answered (any answer, a refusal of ours included). */
  void succeeded(long start) {
    bulkhead.onComplete();
    breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
    metrics.record(CallOutcome.SUCCESS);
  }

  /** Ends an entered call that threw {@code failure}, judged by the dependency's rule. */
  void failed(long start, Throwable failure) {
    bulkhead.onComplete();
    breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), failure);
    CallOutcome outcome = outcomeOf(failure);
    metrics.record(outcome);
    if (outcome != CallOutcome.SUCCESS) {
      log.debug(
          "outbound dependency={} outcome={} error={}",
          policy.name(),
          outcome.tag(),
          failure.getClass().getName());
    }
  }

  /** Ends an entered call that its client's own time limit cut off: always a failure. */
  void timedOut(long start, Throwable cause) {
    TimeoutException timeout = new TimeoutException(policy.name() + " call timed out");
    timeout.initCause(cause);
    failed(start, timeout);
  }

  /** Ends an entered call that its caller cancelled: neither a success nor a failure. */
  void abandoned() {
    bulkhead.onComplete();
    breaker.releasePermission();
  }

  private <T> T guarded(Callable<T> work) throws Exception {
    if (!breaker.tryAcquirePermission()) {
      metrics.record(CallOutcome.REJECTED_OPEN);
      throw CallNotPermittedException.createCallNotPermittedException(breaker);
    }
    long start = breaker.getCurrentTimestamp();
    try {
      T result = timeLimited(work);
      breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
      metrics.record(CallOutcome.SUCCESS);
      return result;
    } catch (BulkheadFullException | InterruptedException | AcquirePermissionCancelledException e) {
      breaker.releasePermission();
      if (e instanceof BulkheadFullException) {
        metrics.record(CallOutcome.REJECTED_BULKHEAD);
      }
      throw e;
    } catch (Exception | Error e) {
      breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
      CallOutcome outcome = outcomeOf(e);
      metrics.record(outcome);
      if (outcome != CallOutcome.SUCCESS) {
        log.debug(
            "outbound dependency={} outcome={} error={}",
            policy.name(),
            outcome.tag(),
            e.getClass().getName());
      }
      throw e;
    }
  }

  /**
   * Takes a bulkhead slot, hands the call to a worker and waits at most the time limit. The slot is
   * given back by the worker when the call ends, so an abandoned call that ignores its interrupt
   * still holds one; a call abandoned before any worker started it gives its slot back at once.
   */
  private <T> T timeLimited(Callable<T> work) throws Exception {
    Callable<T> carried = carried(work);
    bulkhead.acquirePermission();
    AtomicBoolean claimed = new AtomicBoolean();
    Future<T> future;
    try {
      future = workers.submit(() -> runInSlot(carried, claimed));
    } catch (RuntimeException e) {
      bulkhead.onComplete();
      throw e;
    }
    try {
      return timeLimiter.executeFutureSupplier(() -> future);
    } catch (TimeoutException | InterruptedException e) {
      future.cancel(true);
      if (claimed.compareAndSet(false, true)) {
        bulkhead.onComplete();
      }
      throw e;
    }
  }

  private <T> T runInSlot(Callable<T> work, AtomicBoolean claimed) throws Exception {
    if (!claimed.compareAndSet(false, true)) {
      return null; // abandoned before it started; the caller gave the slot back
    }
    try {
      return work.call();
    } finally {
      bulkhead.onComplete();
    }
  }

  /** Captures the caller's MDC and carried contexts now, to restore them around the call. */
  private <T> Callable<T> carried(Callable<T> work) {
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    List<ContextCarrier.Restorer> restorers = new ArrayList<>(carriers.size());
    for (ContextCarrier carrier : carriers) {
      restorers.add(carrier.capture());
    }
    return () -> {
      if (mdc != null) {
        MDC.setContextMap(mdc);
      }
      try {
        return inContexts(restorers, 0, work);
      } finally {
        MDC.clear();
      }
    };
  }

  private static <T> T inContexts(
      List<ContextCarrier.Restorer> restorers, int index, Callable<T> work) throws Exception {
    if (index == restorers.size()) {
      return work.call();
    }
    AutoCloseable restored = restorers.get(index).restore();
    try {
      return inContexts(restorers, index + 1, work);
    } finally {
      restored.close();
    }
  }

  private CallOutcome outcomeOf(Throwable e) {
    if (isTimeout(e)) {
      return CallOutcome.TIMEOUT;
    }
    return countsAsFailure.test(e) ? CallOutcome.FAILURE : CallOutcome.SUCCESS;
  }

  /**
   * The time limit's own timeout, or the HTTP client's request or connect timeout ({@link
   * OutboundHttp} gives requests the same limit, so either may answer first).
   */
  private static boolean isTimeout(Throwable e) {
    return e instanceof TimeoutException || e instanceof HttpTimeoutException;
  }

  private boolean isFailure(Throwable e) {
    if (e instanceof Error) {
      return false;
    }
    return e instanceof CallNotPermittedException
        || e instanceof BulkheadFullException
        || isTimeout(e)
        || countsAsFailure.test(e);
  }

  private RuntimeException translate(Throwable e) {
    if (e instanceof Error error) {
      throw error;
    }
    if (e instanceof CallNotPermittedException) {
      return unavailable.breakerOpen(secondsUntilHalfOpen(), e);
    }
    if (e instanceof BulkheadFullException) {
      return unavailable.busy(e);
    }
    if (isTimeout(e)) {
      return unavailable.timedOut(e);
    }
    if (e instanceof DependencyServerError) {
      return unavailable.failed(e);
    }
    if (e instanceof RuntimeException runtime) {
      return runtime;
    }
    return unavailable.failed(e);
  }

  /** Whole seconds until an open breaker half-opens, at least 1 (also when half-open and full). */
  private long secondsUntilHalfOpen() {
    Duration left = Duration.between(clock.instant(), openUntil);
    if (left.isNegative() || left.isZero()) {
      return 1;
    }
    long seconds = left.toSeconds();
    return left.toNanos() % 1_000_000_000L == 0 ? Math.max(1, seconds) : seconds + 1;
  }

  private void onTransition(CircuitBreaker.StateTransition transition) {
    if (transition.getToState() == CircuitBreaker.State.OPEN) {
      openUntil = clock.instant().plus(policy.breaker().waitInOpenState());
      log.warn("outbound dependency={} breaker {}", policy.name(), transition);
    } else {
      log.info("outbound dependency={} breaker {}", policy.name(), transition);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  private static CircuitBreakerConfig breakerConfig(
      DependencyPolicy policy, Predicate<Throwable> countsAsFailure, Clock clock) {
    BreakerPolicy breaker = policy.breaker();
    return CircuitBreakerConfig.custom()
        .slidingWindowType(SlidingWindowType.TIME_BASED)
        .slidingWindowSize((int) breaker.slidingWindow().toSeconds())
        .minimumNumberOfCalls(breaker.minimumCalls())
        .failureRateThreshold(breaker.failureRateThreshold())
        .slowCallRateThreshold(breaker.slowCallRateThreshold())
        .slowCallDurationThreshold(breaker.slowCallDuration())
        .waitDurationInOpenState(breaker.waitInOpenState())
        .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpen())
        .recordException(e -> isTimeout(e) || countsAsFailure.test(e))
        .writableStackTraceEnabled(false)
        .clock(clock)
        .build();
  }

  private static BulkheadConfig bulkheadConfig(BulkheadPolicy bulkhead) {
    return BulkheadConfig.custom()
        .maxConcurrentCalls(bulkhead.maxConcurrentCalls())
        .maxWaitDuration(bulkhead.maxWait())
        .writableStackTraceEnabled(false)
        .build();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
