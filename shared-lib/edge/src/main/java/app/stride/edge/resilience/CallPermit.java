package app.stride.edge.resilience;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call admitted by {@link OutboundCalls#enter}: its breaker permission and bulkhead slot, held
 * until the call is ended by one of the methods below. Only the first of them counts; the others
 * are ignored, so a client callback that fires twice does no harm. May be ended on any thread (an
 * SDK's response thread, a gRPC listener).
 */
public final class CallPermit {
  private final DependencyGuard guard;
  private final long start;
  private final AtomicBoolean ended = new AtomicBoolean();

  CallPermit(DependencyGuard guard, long start) {
    this.guard = guard;
    this.start = start;
  }

  /**
   * The dependency answered: a success for the breaker (also when the answer says our request was
   * wrong), slow if it took longer than the policy's slow-call duration.
   */
  public void succeeded() {
    if (ended.compareAndSet(false, true)) {
      guard.succeeded(start);
    }
  }

  /**
   * The call failed with {@code failure}: a failure for the breaker when the dependency's rule says
   * so, else a success.
   */
  public void failed(Throwable failure) {
    if (ended.compareAndSet(false, true)) {
      guard.failed(start, failure);
    }
  }

  /** The client's own time limit cut the call off: always a failure, counted as a timeout. */
  public void timedOut(Throwable cause) {
    if (ended.compareAndSet(false, true)) {
      guard.timedOut(start, cause);
    }
  }

  /** The caller cancelled the call: the slot is given back and the breaker judges nothing. */
  public void abandoned() {
    if (ended.compareAndSet(false, true)) {
      guard.abandoned();
    }
  }
}
