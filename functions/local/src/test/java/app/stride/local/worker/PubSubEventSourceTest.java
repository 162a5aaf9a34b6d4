package app.stride.local.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PubSubEventSourceTest {
  @Test
  void retryDelay_startsAt10Seconds_andDoublesUpTo600_asInfrasRetryPolicy() {
    assertThat(PubSubEventSource.retryDelay(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(PubSubEventSource.retryDelay(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(PubSubEventSource.retryDelay(4)).isEqualTo(Duration.ofSeconds(80));
    assertThat(PubSubEventSource.retryDelay(7)).isEqualTo(Duration.ofSeconds(600));
    assertThat(PubSubEventSource.retryDelay(50)).isEqualTo(Duration.ofSeconds(600));
  }
}
