package app.stride.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

  private final ThrottlePolicy standard = ThrottlePolicy.standard();

  @Test
  void standard_holdsTheNumbersOfIssue3() {
    assertThat(standard.window()).isEqualTo(Duration.ofMinutes(15));
    assertThat(standard.account())
        .isEqualTo(new ThrottlePolicy.Tier(5, 10, Duration.ofMinutes(15)));
    assertThat(standard.accountIp())
        .isEqualTo(new ThrottlePolicy.Tier(3, 5, Duration.ofMinutes(15)));
    assertThat(standard.ipFailureLimit()).isEqualTo(100);
    assertThat(standard.reputationAccounts()).isEqualTo(20);
    assertThat(standard.reputationBan()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void delayAfter_isZeroBeforeTheThreshold_thenDoublesFromOneSecond_cappedAtSixty() {
    assertThat(
            LongStream.rangeClosed(1, 13)
                .mapToObj(n -> standard.delayAfter(standard.account(), n).toSeconds())
                .toList())
        .containsExactly(0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    assertThat(standard.delayAfter(standard.account(), Long.MAX_VALUE))
        .isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void tier_rejectsABlockBeforeTheDelay() {
    assertThatThrownBy(() -> new ThrottlePolicy.Tier(5, 4, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
