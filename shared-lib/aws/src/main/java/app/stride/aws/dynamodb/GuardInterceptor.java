package app.stride.aws.dynamodb;

import app.stride.edge.resilience.CallPermit;
import app.stride.edge.resilience.OutboundCalls;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Puts every call of an SDK client behind one dependency of an {@link OutboundCalls}, on the
 * caller's thread: before the call (retries included) the breaker is asked and a bulkhead slot
 * taken, and a refusal is thrown as the store's {@code 503} problem without any request being sent;
 * after it, the outcome is recorded. The client's own call and attempt timeouts are the time limit;
 * a call they cut off counts as a timeout, an interrupted one as abandoned.
 */
final class GuardInterceptor implements ExecutionInterceptor {
  private static final ExecutionAttribute<CallPermit> PERMIT =
      new ExecutionAttribute<>("StrideOutboundPermit");

  private final OutboundCalls calls;
  private final String dependency;

  GuardInterceptor(OutboundCalls calls, String dependency) {
    this.calls = calls;
    this.dependency = dependency;
  }

  @Override
  public void beforeExecution(
      Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
    executionAttributes.putAttribute(PERMIT, calls.enter(dependency));
  }

  @Override
  public void afterExecution(
      Context.AfterExecution context, ExecutionAttributes executionAttributes) {
    CallPermit permit = executionAttributes.getAttribute(PERMIT);
    if (permit != null) {
      permit.succeeded();
    }
  }

  @Override
  public void onExecutionFailure(
      Context.FailedExecution context, ExecutionAttributes executionAttributes) {
    CallPermit permit = executionAttributes.getAttribute(PERMIT);
    if (permit == null) {
      return; // refused before the call: nothing was entered
    }
    Throwable failure = context.exception();
    if (failure instanceof ApiCallTimeoutException
        || failure instanceof ApiCallAttemptTimeoutException) {
      permit.timedOut(failure);
    } else if (failure instanceof AbortedException) {
      permit.abandoned();
    } else {
      permit.failed(failure);
    }
  }
}
