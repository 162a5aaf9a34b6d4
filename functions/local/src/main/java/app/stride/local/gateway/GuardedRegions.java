package app.stride.local.gateway;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.openapi.Operation;
import app.stride.core.region.Region;
import app.stride.core.region.RegionId;
import app.stride.edge.resilience.BreakerPolicy;
import app.stride.edge.resilience.BulkheadPolicy;
import app.stride.edge.resilience.DependencyPolicy;
import app.stride.edge.resilience.FailureRules;
import app.stride.edge.resilience.OutboundCalls;
import app.stride.local.region.RegionHealth;
import app.stride.local.region.RegionRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The gateway's calls into each region's functions, each function of each region a dependency of
 * its own ({@code <region>-<function>}, e.g. {@code eu-profiles}) behind a time limit, a circuit
 * breaker and a bulkhead ({@link OutboundCalls}). A function that answers 5xx, times out or cannot
 * be reached counts against its breaker; its own 5xx answer still reaches the client unchanged.
 * Once the breaker is open, or the bulkhead full, the client gets {@code 503
 * dependency-unavailable} with {@code Retry-After} at once instead of waiting on a sick function.
 */
public final class GuardedRegions implements AutoCloseable {
  /**
   * Locally a function's first call starts its Spring context and a login hashes with Argon2 on a
   * shared machine: a long time limit, and slow calls never open the breaker. Failures do: half of
   * at least ten calls in 30 s opens it for 5 s.
   */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  static final BreakerPolicy BREAKER =
      new BreakerPolicy(
          50, 100, CALL_TIMEOUT, Duration.ofSeconds(30), 10, Duration.ofSeconds(5), 3);

  /** As many calls in flight per function as the gateway has threads. */
  static final BulkheadPolicy BULKHEAD = new BulkheadPolicy(Gateway.THREADS, Duration.ZERO);

  private final OutboundCalls outbound;
  private final Map<RegionId, RegionRuntime> guarded;

  /**
   * @param regions the running regions, in catalog order
   * @param functions every function name the spec routes to
   */
  public GuardedRegions(
      Map<RegionId, RegionRuntime> regions, Set<String> functions, MeterRegistry registry) {
    OutboundCalls.Builder builder = OutboundCalls.builder(registry);
    for (RegionId region : regions.keySet()) {
      for (String function : functions) {
        builder.dependency(policy(dependency(region, function)), GuardedRegions::countsAsFailure);
      }
    }
    this.outbound = builder.build();
    Map<RegionId, RegionRuntime> wrapped = new LinkedHashMap<>();
    regions.forEach((id, runtime) -> wrapped.put(id, new Guarded(runtime)));
    this.guarded = java.util.Collections.unmodifiableMap(wrapped);
  }

  /** The regions, each call into them guarded; same order as given. */
  public Map<RegionId, RegionRuntime> regions() {
    return guarded;
  }

  /** The guarded runtimes. */
  public Collection<RegionRuntime> all() {
    return guarded.values();
  }

  static String dependency(RegionId region, String function) {
    return region.value() + "-" + function;
  }

  static DependencyPolicy policy(String name) {
    return new DependencyPolicy(name, CALL_TIMEOUT, BREAKER, BULKHEAD);
  }

  private static boolean countsAsFailure(Throwable failure) {
    return failure instanceof ServerAnswer || FailureRules.standard().test(failure);
  }

  @Override
  public void close() {
    outbound.close();
  }

  /** A 5xx answer, carried through the breaker so that it counts and still reaches the client. */
  private static final class ServerAnswer extends RuntimeException {
    private final transient ApiResponse response;

    ServerAnswer(ApiResponse response) {
      super("function answered " + response.status(), null, false, false);
      this.response = response;
    }
  }

  private final class Guarded implements RegionRuntime {
    private final RegionRuntime delegate;

    Guarded(RegionRuntime delegate) {
      this.delegate = delegate;
    }

    @Override
    public Region region() {
      return delegate.region();
    }

    @Override
    public RegionHealth health() {
      return delegate.health();
    }

    @Override
    public ApiResponse invoke(Operation operation, ApiRequest request) {
      String name = dependency(delegate.region().id(), operation.function());
      if (!outbound.knows(name)) {
        return delegate.invoke(operation, request);
      }
      try {
        return outbound.call(
            name,
            () -> {
              ApiResponse response = delegate.invoke(operation, request);
              if (response.status() >= 500) {
                throw new ServerAnswer(response);
              }
              return response;
            });
      } catch (ServerAnswer answer) {
        return answer.response;
      }
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
