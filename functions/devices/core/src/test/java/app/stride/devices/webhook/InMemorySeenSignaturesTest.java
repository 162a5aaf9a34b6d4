package app.stride.devices.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemorySeenSignaturesTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void aKey_isFirstSeenOnce_withinTheWindow() {
    InMemorySeenSignatures seen = new InMemorySeenSignatures(10, Duration.ofMinutes(15));

    assertThat(seen.firstSeen("k", T)).isTrue();
    assertThat(seen.firstSeen("k", T.plus(Duration.ofMinutes(14)))).isFalse();
  }

  @Test
  void aKey_isForgotten_afterTheWindow() {
    InMemorySeenSignatures seen = new InMemorySeenSignatures(10, Duration.ofMinutes(15));
    seen.firstSeen("k", T);

    assertThat(seen.firstSeen("k", T.plus(Duration.ofMinutes(16)))).isTrue();
  }

  @Test
  void capacity_isBounded_oldestEvictedFirst() {
    InMemorySeenSignatures seen = new InMemorySeenSignatures(3, Duration.ofHours(1));
    for (int i = 0; i < 100; i++) {
      seen.firstSeen("k" + i, T.plusSeconds(i));
    }

    assertThat(seen.size()).isEqualTo(3);
    assertThat(seen.firstSeen("k99", T.plusSeconds(100))).isFalse();
    assertThat(seen.firstSeen("k0", T.plusSeconds(100))).isTrue();
  }

  @Test
  void forget_letsTheKeyBeSeenAgain() {
    InMemorySeenSignatures seen = InMemorySeenSignatures.defaults();
    seen.firstSeen("k", T);
    seen.forget("k");

    assertThat(seen.firstSeen("k", T)).isTrue();
  }
}
