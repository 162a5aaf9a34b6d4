package app.stride.edge.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import app.stride.testkit.time.MutableClock;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The guard around plain callables, no network: breaker transitions driven by a mutable clock, time
 * limits and bulkheads by latches.
 */
class OutboundCallsTest {
  private static final String DEP = "billing";
  private static final Duration OPEN_WAIT = Duration.ofSeconds(30);
  private static final Duration GENEROUS = Duration.ofSeconds(5);

  private final MutableClock clock = new MutableClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Meters meters = new Meters(registry, DEP);
  private OutboundCalls calls;

  @AfterEach
  void stopWorkers() {
    if (calls != null) {
      calls.close();
    }
  }

  /** Opens after 4 calls at 50 % failures, waits 30 s, 2 trial calls, 300 ms limit, 2 slots. */
  private static DependencyPolicy policy() {
    BreakerPolicy breaker =
        DependencyPolicy.thirdPartyApi(DEP)
            .breaker()
            .withSlowCalls(Duration.ofMillis(300), 100)
            .withMinimumCalls(4)
            .withWaitInOpenState(OPEN_WAIT)
            .withPermittedCallsInHalfOpen(2);
    return new DependencyPolicy(
        DEP, Duration.ofMillis(300), breaker, new BulkheadPolicy(2, Duration.ZERO));
  }

  private OutboundCalls calls(DependencyPolicy policy) {
    calls = OutboundCalls.builder(registry).clock(clock).dependency(policy).build();
    return calls;
  }

  private static Callable<String> failing() {
    return () -> {
      throw new IOException("connection reset");
    };
  }

  private void open(OutboundCalls outbound) {
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> outbound.call(DEP, failing())).isInstanceOf(ProblemException.class);
    }
    assertThat(meters.breakerState()).isEqualTo(1);
  }

  private static void assertUnavailable(Throwable thrown, String retryAfter) {
    assertThat(thrown).isInstanceOf(ProblemException.class);
    ProblemException problem = (ProblemException) thrown;
    assertThat(problem.problem().type()).isEqualTo(ProblemType.DEPENDENCY_UNAVAILABLE.uri());
    assertThat(problem.problem().status()).isEqualTo(503);
    assertThat(problem.problem().detail()).doesNotContain(DEP);
    assertThat(problem.headers()).containsEntry("Retry-After", retryAfter);
  }

  private static Throwable thrownBy(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("the call did not throw");
  }

  @Test
  void call_answersTheValue_andCountsASuccess() {
    OutboundCalls outbound = calls(policy());

    assertThat(outbound.call(DEP, () -> "paid")).isEqualTo("paid");

    assertThat(meters.calls(CallOutcome.SUCCESS)).isEqualTo(1);
    assertThat(meters.breakerState()).isZero();
  }

  @Test
  void everyOutcomeCounter_existsBeforeTheFirstCall() {
    calls(policy());

    for (CallOutcome outcome : CallOutcome.values()) {
      assertThat(meters.calls(outcome)).isZero();
    }
  }

  @Test
  void call_toAnUnknownDependency_isAProgrammingError() {
    OutboundCalls outbound = calls(policy());

    assertThatThrownBy(() -> outbound.call("nobody", () -> "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(outbound.knows(DEP)).isTrue();
    assertThat(outbound.knows("nobody")).isFalse();
  }

  @Test
  void builder_refusesTheSameDependencyTwice() {
    OutboundCalls.Builder builder = OutboundCalls.builder(registry).dependency(policy());

    assertThatThrownBy(() -> builder.dependency(policy()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checkedFailure_becomes503WithAShortRetryAfter_keepingTheCauseForTheLogs() {
    OutboundCalls outbound = calls(policy());

    Throwable thrown = thrownBy(() -> outbound.call(DEP, failing()));

    assertUnavailable(thrown, "2");
    assertThat(thrown.getCause()).isInstanceOf(IOException.class);
    assertThat(meters.calls(CallOutcome.FAILURE)).isEqualTo(1);
  }

  @Test
  void failures_openTheBreaker_thenCallsAreRefusedWithoutRunning_untilTheWaitEnds() {
    OutboundCalls outbound = calls(policy());
    open(outbound);
    AtomicInteger ran = new AtomicInteger();

    Throwable thrown = thrownBy(() -> outbound.call(DEP, ran::incrementAndGet));

    assertUnavailable(thrown, "30");
    assertThat(thrown.getCause()).isInstanceOf(CallNotPermittedException.class);
    assertThat(ran).hasValue(0);
    assertThat(meters.calls(CallOutcome.FAILURE)).isEqualTo(4);
    assertThat(meters.calls(CallOutcome.REJECTED_OPEN)).isEqualTo(1);
  }

  @Test
  void retryAfter_countsDownTheOpenWait() {
    OutboundCalls outbound = calls(policy());
    open(outbound);

    clock.advance(Duration.ofMillis(12_500));

    assertUnavailable(thrownBy(() -> outbound.call(DEP, () -> "x")), "18");
  }

  @Test
  void openBreaker_halfOpensAfterItsWait_andClosesAfterSuccessfulTrials() {
    OutboundCalls outbound = calls(policy());
    open(outbound);

    clock.advance(OPEN_WAIT.plusSeconds(1));
    assertThat(outbound.call(DEP, () -> "first trial")).isEqualTo("first trial");
    assertThat(meters.breakerState()).isEqualTo(2);
    outbound.call(DEP, () -> "second trial");

    assertThat(meters.breakerState()).isZero();
    assertThat(outbound.call(DEP, () -> "back")).isEqualTo("back");
  }

  @Test
  void halfOpenBreaker_opensAgain_whenItsTrialsFail() {
    OutboundCalls outbound = calls(policy());
    open(outbound);
    clock.advance(OPEN_WAIT.plusSeconds(1));

    assertThatThrownBy(() -> outbound.call(DEP, failing())).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> outbound.call(DEP, failing())).isInstanceOf(ProblemException.class);

    assertThat(meters.breakerState()).isEqualTo(1);
    assertUnavailable(thrownBy(() -> outbound.call(DEP, () -> "x")), "30");
  }

  @Test
  void callBeyondTheTimeLimit_answers503Promptly_andIsInterrupted() {
    OutboundCalls outbound = calls(policy());
    CountDownLatch interrupted = new CountDownLatch(1);
    Callable<String> hanging =
        () -> {
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
          return "too late";
        };

    Throwable thrown =
        assertTimeoutPreemptively(GENEROUS, () -> thrownBy(() -> outbound.call(DEP, hanging)));

    assertUnavailable(thrown, "2");
    assertThat(meters.calls(CallOutcome.TIMEOUT)).isEqualTo(1);
    assertTimeoutPreemptively(GENEROUS, () -> interrupted.await());
  }

  @Test
  void timeouts_openTheBreaker() {
    OutboundCalls outbound = calls(policy());
    Callable<String> sleeping =
        () -> {
          Thread.sleep(10_000);
          return "too late";
        };

    assertTimeoutPreemptively(
        GENEROUS,
        () -> {
          for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> outbound.call(DEP, sleeping))
                .isInstanceOf(ProblemException.class);
          }
        });

    assertThat(meters.breakerState()).isEqualTo(1);
    assertThat(meters.calls(CallOutcome.TIMEOUT)).isEqualTo(4);
  }

  @Test
  void fullBulkhead_refusesAtOnceWith503_withoutRunningTheCall_norCountingAgainstTheBreaker()
      throws Exception {
    DependencyPolicy policy =
        policy().withCallTimeout(GENEROUS).withBulkhead(new BulkheadPolicy(1, Duration.ZERO));
    OutboundCalls outbound = calls(policy);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> occupying =
        CompletableFuture.supplyAsync(
            () ->
                outbound.call(
                    DEP,
                    () -> {
                      started.countDown();
                      release.await();
                      return "done";
                    }));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    AtomicInteger ran = new AtomicInteger();

    for (int i = 0; i < 6; i++) {
      Throwable thrown = thrownBy(() -> outbound.call(DEP, ran::incrementAndGet));
      assertUnavailable(thrown, "2");
    }

    assertThat(ran).hasValue(0);
    assertThat(meters.calls(CallOutcome.REJECTED_BULKHEAD)).isEqualTo(6);
    assertThat(meters.breakerState()).isZero();
    release.countDown();
    assertThat(occupying.get(5, TimeUnit.SECONDS)).isEqualTo("done");
    assertThat(outbound.call(DEP, () -> "free again")).isEqualTo("free again");
  }

  @Test
  void abandonedCall_keepsItsBulkheadSlot_untilItReallyEnds() throws Exception {
    OutboundCalls outbound = calls(policy().withBulkhead(new BulkheadPolicy(1, Duration.ZERO)));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch ended = new CountDownLatch(1);
    Callable<String> deaf =
        () -> {
          try {
            boolean done = false;
            while (!done) {
              try {
                done = release.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                // a client that ignores interrupts, as some blocking SDK calls do
              }
            }
            return "late";
          } finally {
            ended.countDown();
          }
        };

    assertTimeoutPreemptively(
        GENEROUS, () -> assertUnavailable(thrownBy(() -> outbound.call(DEP, deaf)), "2"));
    Throwable refused = thrownBy(() -> outbound.call(DEP, () -> "next"));
    release.countDown();
    assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();

    assertUnavailable(refused, "2");
    assertThat(meters.calls(CallOutcome.REJECTED_BULKHEAD)).isEqualTo(1);
    assertTimeoutPreemptively(
        GENEROUS,
        () -> {
          String answer = null;
          while (answer == null) {
            try {
              answer = outbound.call(DEP, () -> "next");
            } catch (ProblemException stillReleasing) {
              Thread.sleep(10);
            }
          }
          assertThat(answer).isEqualTo("next");
        });
  }

  @Test
  void fallback_answersForFailures_andForAnOpenBreaker() {
    OutboundCalls outbound = calls(policy());
    AtomicReference<Throwable> seen = new AtomicReference<>();

    String degraded =
        outbound.call(
            DEP,
            failing(),
            failure -> {
              seen.set(failure);
              return "cached";
            });
    open(outbound);
    String whileOpen =
        outbound.call(DEP, () -> "fresh", failure -> failure.getClass().getSimpleName());

    assertThat(degraded).isEqualTo("cached");
    assertThat(seen.get()).isInstanceOf(IOException.class);
    assertThat(whileOpen).isEqualTo("CallNotPermittedException");
  }

  @Test
  void fallback_answersForATimeout() {
    OutboundCalls outbound = calls(policy());

    String answer =
        assertTimeoutPreemptively(
            GENEROUS,
            () ->
                outbound.call(
                    DEP,
                    () -> {
                      Thread.sleep(10_000);
                      return "too late";
                    },
                    failure -> "fallback after " + failure.getClass().getSimpleName()));

    assertThat(answer).isEqualTo("fallback after TimeoutException");
  }

  @Test
  void answersOfAHealthyDependency_passThroughTheFallback_andNeverOpenTheBreaker() {
    OutboundCalls outbound = calls(policy());
    ProblemException notFound = new ProblemException(ProblemType.NOT_FOUND, "no such customer");

    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(
              () ->
                  outbound.call(
                      DEP,
                      () -> {
                        throw new VersionConflictException("taken");
                      },
                      failure -> "fallback"))
          .isInstanceOf(VersionConflictException.class);
      assertThatThrownBy(
              () ->
                  outbound.call(
                      DEP,
                      () -> {
                        throw notFound;
                      }))
          .isSameAs(notFound);
    }

    assertThat(meters.breakerState()).isZero();
    assertThat(meters.calls(CallOutcome.SUCCESS)).isEqualTo(10);
    assertThat(meters.calls(CallOutcome.FAILURE)).isZero();
  }

  @Test
  void runtimeFailures_passThroughUnchanged_butCountAgainstTheDependency() {
    OutboundCalls outbound = calls(policy());
    StoreUnavailableException outage = new StoreUnavailableException("ledger", null);

    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(
              () ->
                  outbound.call(
                      DEP,
                      () -> {
                        throw outage;
                      }))
          .isSameAs(outage);
    }

    assertThat(meters.calls(CallOutcome.FAILURE)).isEqualTo(4);
    assertThat(meters.breakerState()).isEqualTo(1);
  }

  @Test
  void serverErrorProblem_countsAsAFailure_likeAnyStatusFrom500() {
    OutboundCalls outbound = calls(policy());
    ProblemException internal =
        new ProblemException(Problem.of(ProblemType.INTERNAL, "boom"), java.util.Map.of(), null);

    assertThatThrownBy(
            () ->
                outbound.call(
                    DEP,
                    () -> {
                      throw internal;
                    }))
        .isSameAs(internal);

    assertThat(meters.calls(CallOutcome.FAILURE)).isEqualTo(1);
  }

  @Test
  void dependencyRule_decidesWhatCounts() {
    calls =
        OutboundCalls.builder(registry)
            .clock(clock)
            .dependency(policy(), failure -> failure instanceof IllegalStateException)
            .build();

    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(() -> calls.call(DEP, failing())).isInstanceOf(ProblemException.class);
    }

    assertThat(meters.breakerState()).isZero();
    assertThat(meters.calls(CallOutcome.SUCCESS)).isEqualTo(6);
  }

  @Test
  void slowCalls_openTheBreaker() {
    DependencyPolicy base = policy();
    OutboundCalls outbound =
        calls(base.withBreaker(base.breaker().withSlowCalls(Duration.ofMillis(20), 50)));

    for (int i = 0; i < 4; i++) {
      outbound.call(
          DEP,
          () -> {
            Thread.sleep(80);
            return "slow";
          });
    }

    assertThat(meters.breakerState()).isEqualTo(1);
  }

  @Test
  void threadBoundContextOfTheCaller_isWhatTheCallSees() {
    ThreadLocal<String> tenant = new ThreadLocal<>();
    ContextCarrier carrier =
        () -> {
          String captured = tenant.get();
          return () -> {
            tenant.set(captured);
            return tenant::remove;
          };
        };
    calls = OutboundCalls.builder(registry).dependency(policy()).carry(carrier).build();
    tenant.set("tenant-7");
    try {
      assertThat(calls.call(DEP, tenant::get)).isEqualTo("tenant-7");
    } finally {
      tenant.remove();
    }

    assertThat(calls.call(DEP, () -> String.valueOf(tenant.get()))).isEqualTo("null");
  }
}
