package app.stride.local.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The gateway's {@code /health} answer, recomputed at most once per {@link #MAX_AGE}: probing every
 * region's stores and functions per request would let a burst on the health route load the very
 * things it reports on. One caller recomputes while the others wait for its answer.
 */
final class HealthCache implements Supplier<Map<String, Object>> {
  static final Duration MAX_AGE = Duration.ofSeconds(1);

  private final Supplier<Map<String, Object>> probe;
  private final Clock clock;
  private Map<String, Object> last;
  private Instant probedAt = Instant.MIN;

  HealthCache(Supplier<Map<String, Object>> probe, Clock clock) {
    this.probe = probe;
    this.clock = clock;
  }

  @Override
  public synchronized Map<String, Object> get() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(probedAt.plus(MAX_AGE))) {
      last = probe.get();
      probedAt = now;
    }
    return last;
  }
}
