package app.stride.edge.resilience;

import io.micrometer.core.instrument.MeterRegistry;

/** Reads the resilience meters of one dependency in tests. */
final class Meters {
  private final MeterRegistry registry;
  private final String dependency;

  Meters(MeterRegistry registry, String dependency) {
    this.registry = registry;
    this.dependency = dependency;
  }

  /** The breaker-state gauge: 0 closed, 1 open, 2 half-open. */
  int breakerState() {
    return (int)
        registry
            .get(OutboundCalls.BREAKER_STATE_METER)
            .tag(OutboundCalls.DEPENDENCY_TAG, dependency)
            .gauge()
            .value();
  }

  /** The calls counted with {@code outcome}. */
  long calls(CallOutcome outcome) {
    return (long)
        registry
            .get(OutboundCalls.CALLS_METER)
            .tag(OutboundCalls.DEPENDENCY_TAG, dependency)
            .tag("outcome", outcome.tag())
            .counter()
            .count();
  }
}
