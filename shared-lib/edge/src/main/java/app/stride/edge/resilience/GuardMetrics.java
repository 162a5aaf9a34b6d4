package app.stride.edge.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The meters of one dependency: the breaker-state gauge and one counter per {@link CallOutcome},
 * all registered up front so that dashboards and alarms see zeros rather than gaps.
 */
final class GuardMetrics {
  private final Map<CallOutcome, Counter> calls = new EnumMap<>(CallOutcome.class);

  GuardMetrics(MeterRegistry registry, String dependency, CircuitBreaker breaker) {
    Gauge.builder(OutboundCalls.BREAKER_STATE_METER, breaker, b -> stateCode(b.getState()))
        .tag(OutboundCalls.DEPENDENCY_TAG, dependency)
        .description("Circuit breaker state: 0 closed, 1 open, 2 half-open")
        .strongReference(true)
        .register(registry);
    for (CallOutcome outcome : CallOutcome.values()) {
      calls.put(
          outcome,
          Counter.builder(OutboundCalls.CALLS_METER)
              .tag(OutboundCalls.DEPENDENCY_TAG, dependency)
              .tag("outcome", outcome.tag())
              .description("Outbound calls by outcome")
              .register(registry));
    }
  }

  void record(CallOutcome outcome) {
    calls.get(outcome).increment();
  }

  /** 0 closed, 1 open, 2 half-open; a forced-open breaker counts as open, a disabled one closed. */
  static int stateCode(CircuitBreaker.State state) {
    return switch (state) {
      case OPEN, FORCED_OPEN -> 1;
      case HALF_OPEN -> 2;
      default -> 0;
    };
  }
}
