package app.stride.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BucketSpecTest {

  @Test
  void windowSeconds_isTheTimeAnEmptyBucketTakesToFill_roundedUp() {
    assertThat(new BucketSpec(10, 10, Duration.ofMinutes(1)).windowSeconds()).isEqualTo(60);
    assertThat(new BucketSpec(100, 10, Duration.ofSeconds(1)).windowSeconds()).isEqualTo(10);
    assertThat(new BucketSpec(10, 3, Duration.ofSeconds(1)).windowSeconds()).isEqualTo(4);
    assertThat(new BucketSpec(1, 1000, Duration.ofSeconds(1)).windowSeconds())
        .as("never below one second")
        .isEqualTo(1);
  }

  @Test
  void microsToGain_roundsUp() {
    BucketSpec spec = new BucketSpec(10, 3, Duration.ofSeconds(1));

    assertThat(spec.microsToGain(1)).isEqualTo(333_334);
    assertThat(spec.microsToGain(0.5)).isEqualTo(166_667);
  }

  @Test
  void constructor_refusesEmptyBuckets_noRefill_andPeriodsOutOfRange() {
    assertThatThrownBy(() -> new BucketSpec(0, 1, Duration.ofSeconds(1)))
        .hasMessageContaining("capacity");
    assertThatThrownBy(() -> new BucketSpec(1, 0, Duration.ofSeconds(1)))
        .hasMessageContaining("refillTokens");
    assertThatThrownBy(() -> new BucketSpec(1, 1, Duration.ZERO))
        .hasMessageContaining("refillPeriod");
    assertThatThrownBy(() -> new BucketSpec(1, 1, Duration.ofDays(2)))
        .hasMessageContaining("refillPeriod");
  }
}
