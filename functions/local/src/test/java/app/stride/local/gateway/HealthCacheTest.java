package app.stride.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.testkit.time.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HealthCacheTest {
  private final MutableClock clock = new MutableClock();
  private final AtomicInteger probes = new AtomicInteger();
  private final HealthCache health =
      new HealthCache(() -> Map.of("probe", probes.incrementAndGet()), clock);

  @Test
  void get_probesOnce_perSecond_howeverManyCallsArrive() {
    for (int i = 0; i < 1_000; i++) {
      health.get();
    }

    assertThat(probes).hasValue(1);
    assertThat(health.get()).containsEntry("probe", 1);
  }

  @Test
  void get_probesAgain_onceTheAnswerIsASecondOld() {
    health.get();
    clock.advance(Duration.ofMillis(999));
    health.get();
    clock.advance(Duration.ofMillis(1));

    assertThat(health.get()).containsEntry("probe", 2);
  }
}
