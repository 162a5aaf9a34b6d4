package app.stride.edge.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.store.StoreUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link OutboundCalls#enter} and {@link CallPermit}: the breaker and bulkhead on the caller's
 * thread for clients with their own time limits, and the environment overrides of a store's policy.
 */
class CallPermitTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private OutboundCalls store(int slots) {
    DependencyPolicy policy =
        DependencyPolicy.dataStore("store")
            .withBreaker(
                DependencyPolicy.dataStore("store")
                    .breaker()
                    .withMinimumCalls(2)
                    .withWaitInOpenState(Duration.ofSeconds(3)))
            .withBulkhead(new BulkheadPolicy(slots, Duration.ZERO));
    return OutboundCalls.builder(registry).store(policy, e -> e instanceof IOException).build();
  }

  @Test
  void failuresByTheRule_openTheBreaker_andRefusalsAreStoreUnavailableWithRetryAfter() {
    OutboundCalls calls = store(5);
    calls.enter("store").failed(new IOException("reset"));
    calls.enter("store").timedOut(new IllegalStateException("sdk timeout"));

    assertThatThrownBy(() -> calls.enter("store"))
        .isInstanceOfSatisfying(
            StoreUnavailableException.class,
            e -> {
              assertThat(e.problem().type()).isEqualTo(ProblemType.STORE_UNAVAILABLE.uri());
              assertThat(e.headers()).containsEntry("Retry-After", "3");
            });
    Meters meters = new Meters(registry, "store");
    assertThat(meters.breakerState()).isEqualTo(1);
    assertThat(meters.calls(CallOutcome.FAILURE)).isEqualTo(1);
    assertThat(meters.calls(CallOutcome.TIMEOUT)).isEqualTo(1);
    assertThat(meters.calls(CallOutcome.REJECTED_OPEN)).isEqualTo(1);
  }

  @Test
  void answersAndExceptionsOutsideTheRule_keepTheBreakerClosed_andEndingTwiceCountsOnce() {
    OutboundCalls calls = store(5);
    CallPermit permit = calls.enter("store");
    permit.succeeded();
    permit.failed(new IOException("late duplicate callback"));
    calls.enter("store").failed(new IllegalArgumentException("a 4xx answer"));
    calls.enter("store").succeeded();

    Meters meters = new Meters(registry, "store");
    assertThat(meters.breakerState()).isZero();
    assertThat(meters.calls(CallOutcome.SUCCESS)).isEqualTo(3);
    assertThat(meters.calls(CallOutcome.FAILURE)).isZero();
  }

  @Test
  void fullBulkhead_refusesAtOnce_andAnEndedOrAbandonedPermitGivesItsSlotBack() {
    OutboundCalls calls = store(1);
    CallPermit held = calls.enter("store");

    assertThatThrownBy(() -> calls.enter("store"))
        .isInstanceOfSatisfying(
            StoreUnavailableException.class,
            e -> assertThat(e.headers()).containsEntry("Retry-After", "2"));
    held.abandoned();
    calls.enter("store").succeeded();

    assertThat(new Meters(registry, "store").calls(CallOutcome.REJECTED_BULKHEAD)).isEqualTo(1);
  }

  @Test
  void apiDependency_refusesWithDependencyUnavailable() {
    OutboundCalls calls =
        OutboundCalls.builder(registry)
            .dependency(
                DependencyPolicy.thirdPartyApi("api")
                    .withBulkhead(new BulkheadPolicy(1, Duration.ZERO)))
            .build();
    calls.enter("api");

    assertThatThrownBy(() -> calls.enter("api"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().type()).isEqualTo(ProblemType.DEPENDENCY_UNAVAILABLE.uri()));
  }

  @Test
  void storeResilience_readsItsEnvironment_andPullsDependentLimitsDown() {
    StoreResilience read =
        StoreResilience.fromEnv(
            new Env(
                Map.of(
                    "STRIDE_OUTBOUND_DYNAMODB_CALL_TIMEOUT_MS", "300",
                    "STRIDE_OUTBOUND_DYNAMODB_MAX_CONCURRENT", "7",
                    "STRIDE_OUTBOUND_DYNAMODB_FAILURE_RATE", "30",
                    "STRIDE_OUTBOUND_DYNAMODB_MAX_ATTEMPTS", "2")),
            "dynamodb");

    assertThat(read.policy().callTimeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(read.policy().breaker().slowCallDuration()).isEqualTo(Duration.ofMillis(300));
    assertThat(read.attemptTimeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(read.policy().bulkhead().maxConcurrentCalls()).isEqualTo(7);
    assertThat(read.policy().breaker().failureRateThreshold()).isEqualTo(30f);
    assertThat(read.maxAttempts()).isEqualTo(2);
    assertThat(StoreResilience.fromEnv(new Env(Map.of()), "dynamodb"))
        .isEqualTo(StoreResilience.defaults("dynamodb"));
  }

  @Test
  void storeResilience_namesAVariableThatIsNotANumber() {
    Env env = new Env(Map.of("STRIDE_OUTBOUND_FIRESTORE_MIN_CALLS", "many"));

    assertThatThrownBy(() -> StoreResilience.fromEnv(env, "firestore"))
        .hasMessageContaining("STRIDE_OUTBOUND_FIRESTORE_MIN_CALLS");
  }
}
