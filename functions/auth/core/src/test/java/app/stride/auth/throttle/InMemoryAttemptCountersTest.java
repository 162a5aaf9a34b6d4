package app.stride.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.testkit.time.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryAttemptCountersTest {

  private static final Duration WINDOW = Duration.ofMinutes(15);

  private final MutableClock clock = new MutableClock();
  private final InMemoryAttemptCounters counters = new InMemoryAttemptCounters(clock);

  @Test
  void increment_countsWithinTheWindowStartedByTheFirstHit_thenStartsOver() {
    assertThat(counters.increment("k", WINDOW)).isEqualTo(1);
    clock.advance(Duration.ofMinutes(10));
    assertThat(counters.increment("k", WINDOW)).isEqualTo(2);
    assertThat(counters.remaining("k")).isEqualTo(Duration.ofMinutes(5));

    clock.advance(Duration.ofMinutes(5));

    assertThat(counters.get("k")).isZero();
    assertThat(counters.increment("k", WINDOW)).isEqualTo(1);
  }

  @Test
  void addDistinct_countsEachMemberOnce_andExpires() {
    assertThat(counters.addDistinct("s", "a", WINDOW)).isEqualTo(1);
    assertThat(counters.addDistinct("s", "b", WINDOW)).isEqualTo(2);
    assertThat(counters.addDistinct("s", "a", WINDOW)).isEqualTo(2);

    clock.advance(WINDOW);

    assertThat(counters.addDistinct("s", "a", WINDOW)).isEqualTo(1);
  }

  @Test
  void hold_startsOnce_keepsTheLongerEnd_andExpires() {
    assertThat(counters.hold("h", Duration.ofSeconds(10))).isTrue();
    assertThat(counters.hold("h", Duration.ofSeconds(5))).isFalse();
    assertThat(counters.remaining("h")).isEqualTo(Duration.ofSeconds(10));
    assertThat(counters.hold("h", Duration.ofSeconds(30))).isFalse();
    assertThat(counters.remaining("h")).isEqualTo(Duration.ofSeconds(30));

    clock.advance(Duration.ofSeconds(30));

    assertThat(counters.remaining("h")).isZero();
    assertThat(counters.hold("h", Duration.ofSeconds(1))).isTrue();
  }

  @Test
  void reset_forgetsTheKey() {
    counters.increment("k", WINDOW);
    counters.reset("k");
    assertThat(counters.get("k")).isZero();
    assertThat(counters.remaining("k")).isZero();
  }

  @Test
  void expiredKeys_areSwept_soMemoryFollowsTheLiveWindows() {
    for (int i = 0; i < InMemoryAttemptCounters.SWEEP_EVERY - 1; i++) {
      counters.increment("old-" + i, Duration.ofSeconds(1));
    }
    clock.advance(Duration.ofSeconds(1));

    counters.increment("new", Duration.ofSeconds(1));

    assertThat(counters.size()).isEqualTo(1);
  }

  @Test
  void increment_isAtomic_16ThreadsTimes500Is8000() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    counters.increment("shared", WINDOW);
                    counters.addDistinct("members", "m" + (i % 50), WINDOW);
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(counters.get("shared")).isEqualTo(8000);
    assertThat(counters.addDistinct("members", "m0", WINDOW)).isEqualTo(50);
  }
}
