package app.stride.edge.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every outbound call of a process goes through here: per named dependency, a Resilience4j time
 * limit, circuit breaker and bulkhead, with metrics. Build one per process (or per function
 * instance) and share it:
 *
 * <pre>{@code
 * OutboundCalls outbound = OutboundCalls.builder(meterRegistry)
 *     .dependency(DependencyPolicy.thirdPartyApi("stripe"))
 *     .dependency(ResilientDirectory.defaultPolicy(), ResilientDirectory::countsAsFailure)
 *     .build();
 * Charge charge = outbound.call("stripe", () -> stripe.charge(order));
 * List<Offer> offers = outbound.call("offers", () -> offersApi.list(), failure -> List.of());
 * }</pre>
 *
 * <h2>What a caller gets</h2>
 *
 * <ul>
 *   <li>The call's value when it succeeds.
 *   <li>Without a fallback, a {@link app.stride.core.problem.ProblemException} of {@link
 *       app.stride.core.problem.ProblemType#DEPENDENCY_UNAVAILABLE} (503, with a {@code
 *       Retry-After} header) when the breaker is open (seconds until it half-opens), the bulkhead
 *       is full, the time limit passes, the call throws a checked exception (an I/O error) or a
 *       {@link DependencyServerError} (2 s for all of these). The cause stays on the exception for
 *       the logs; the problem the client sees names no dependency and carries no stack trace.
 *   <li>With a fallback, its value in those same cases and whenever the call throws what the
 *       dependency's failure rule counts as a failure.
 *   <li>Any other runtime exception of the call unchanged (an adapter's own {@code
 *       StoreUnavailableException}, a {@code VersionConflictException}, a 4xx problem): adapters
 *       keep their contracts.
 * </ul>
 *
 * <h2>How the time limit works</h2>
 *
 * The call runs on a worker thread of its dependency (at most as many as its bulkhead admits,
 * created on demand, idle ones end after 30 s); the caller waits on it for at most {@code
 * callTimeout} through Resilience4j's {@code TimeLimiter}, which then cancels it with an interrupt.
 * This bounds every kind of blocking call, whatever client it uses (an HTTP request timeout only
 * covers the wait for the response headers; SDKs each have their own settings). A call that ignores
 * its interrupt keeps its bulkhead slot until it really ends, so a hung dependency fills its
 * bulkhead and is refused at once rather than piling up threads. Clients should still set their own
 * timeouts ({@link OutboundHttp} does) so that abandoned calls end and free their slot. The
 * caller's SLF4J MDC is copied to the worker for the call, and any other thread-bound context
 * through a {@link ContextCarrier}.
 *
 * <h2>Metrics</h2>
 *
 * Gauge {@value #BREAKER_STATE_METER} (0 closed, 1 open, 2 half-open) and counter {@value
 * #CALLS_METER} (tag {@code outcome}: see {@link CallOutcome}), both tagged {@value
 * #DEPENDENCY_TAG}. An open breaker half-opens on the first call after its wait, so the gauge reads
 * 1 until then.
 */
public final class OutboundCalls implements AutoCloseable {
  /** Gauge of each dependency's breaker state: 0 closed, 1 open, 2 half-open. */
  public static final String BREAKER_STATE_METER = "stride.breaker.state";

  /** Counter of outbound calls, tagged by {@code outcome} ({@link CallOutcome#tag()}). */
  public static final String CALLS_METER = "stride.outbound.calls";

  /** The tag naming the dependency on every meter. */
  public static final String DEPENDENCY_TAG = "dependency";

  private final Map<String, DependencyGuard> guards;

  private OutboundCalls(Map<String, DependencyGuard> guards) {
    this.guards = Map.copyOf(guards);
  }

  /** A builder whose meters go to {@code registry}. */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(registry);
  }

  /**
   * Calls {@code dependency} through its guard; see the class documentation for what failures
   * become.
   *
   * @throws IllegalArgumentException when {@code dependency} was not configured
   */
  public <T> T call(String dependency, Callable<T> work) {
    Objects.requireNonNull(work, "work");
    return guard(dependency).call(work, null);
  }

  /**
   * Calls {@code dependency} through its guard, answering {@code fallback}'s value when the call is
   * refused (breaker open: {@code CallNotPermittedException}; bulkhead full: {@code
   * BulkheadFullException}), times out ({@code TimeoutException}) or fails by the dependency's rule
   * (the call's own exception). Use it where a degraded answer is still useful (an empty list of
   * suggestions, a cached value); never where a made-up answer would be wrong.
   */
  public <T> T call(
      String dependency, Callable<T> work, Function<Throwable, ? extends T> fallback) {
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(fallback, "fallback");
    return guard(dependency).call(work, fallback);
  }

  /**
   * Enters a call to {@code dependency} on the caller's thread, for clients that bound their calls
   * themselves and must not hop threads (an SDK's call timeout, a gRPC deadline; see the store
   * clients of shared-aws and shared-gcp): the breaker is asked and a bulkhead slot taken now; the
   * caller makes the call and ends the returned permit exactly once with what happened. Unlike
   * {@link #call}, no time limit is applied here: the client's own must be set.
   *
   * @throws app.stride.core.problem.ProblemException the {@code 503} of this dependency (with
   *     {@code Retry-After}) when the breaker is open or the bulkhead full; nothing was called
   * @throws IllegalArgumentException when {@code dependency} was not configured
   */
  public CallPermit enter(String dependency) {
    return guard(dependency).enter();
  }

  /** Whether {@code dependency} was configured. */
  public boolean knows(String dependency) {
    return guards.containsKey(dependency);
  }

  /**
   * The policy of {@code dependency}.
   *
   * @throws IllegalArgumentException when {@code dependency} was not configured
   */
  public DependencyPolicy policy(String dependency) {
    return guard(dependency).policy();
  }

  private DependencyGuard guard(String dependency) {
    DependencyGuard guard = guards.get(dependency);
    if (guard == null) {
      throw new IllegalArgumentException("no outbound dependency named " + dependency);
    }
    return guard;
  }

  /** Stops the worker threads, interrupting calls still running. */
  @Override
  public void close() {
    guards.values().forEach(DependencyGuard::close);
  }

  /** Configures the dependencies of an {@link OutboundCalls}. */
  public static final class Builder {
    private final MeterRegistry registry;
    private final Map<String, DependencyPolicy> policies = new LinkedHashMap<>();
    private final Map<String, Predicate<Throwable>> rules = new LinkedHashMap<>();
    private final Map<String, Boolean> stores = new LinkedHashMap<>();
    private final List<ContextCarrier> carriers = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    private Builder(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Adds a dependency judged by {@link FailureRules#standard()}. */
    public Builder dependency(DependencyPolicy policy) {
      return dependency(policy, FailureRules.standard());
    }

    /**
     * Adds a dependency whose calls' exceptions count as failures when {@code countsAsFailure} says
     * so (timeouts always do); the others count as successes.
     */
    public Builder dependency(DependencyPolicy policy, Predicate<Throwable> countsAsFailure) {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(countsAsFailure, "countsAsFailure");
      if (policies.putIfAbsent(policy.name(), policy) != null) {
        throw new IllegalArgumentException("dependency " + policy.name() + " configured twice");
      }
      rules.put(policy.name(), countsAsFailure);
      stores.put(policy.name(), false);
      return this;
    }

    /**
     * Adds one of the region's data stores: as {@link #dependency(DependencyPolicy, Predicate)},
     * except that its 503 answers are {@code store-unavailable} problems ({@link
     * app.stride.core.store.StoreUnavailableException}, with {@code Retry-After}), the type clients
     * already see for a store outage.
     */
    public Builder store(DependencyPolicy policy, Predicate<Throwable> countsAsFailure) {
      dependency(policy, countsAsFailure);
      stores.put(policy.name(), true);
      return this;
    }

    /** The clock of the breakers' open-state waits (tests); the system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Carries one more kind of thread-bound context to the worker threads (the MDC always is);
     * carriers restore in the order added.
     */
    public Builder carry(ContextCarrier carrier) {
      carriers.add(Objects.requireNonNull(carrier, "carrier"));
      return this;
    }

    /** The configured calls; registers the meters of every dependency. */
    public OutboundCalls build() {
      Map<String, DependencyGuard> guards = new LinkedHashMap<>();
      policies.forEach(
          (name, policy) ->
              guards.put(
                  name,
                  new DependencyGuard(
                      policy, rules.get(name), stores.get(name), clock, registry, carriers)));
      return new OutboundCalls(guards);
    }
  }
}
