package app.stride.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Closing together: the waits overlap, and one failure leaves the others closed. */
class TogetherTest {

  @Test
  void closes_waitOverlap_andEveryOneIsClosedBeforeItReturns() {
    AtomicInteger closed = new AtomicInteger();
    AutoCloseable slow =
        () -> {
          Thread.sleep(500);
          closed.incrementAndGet();
        };
    long start = System.nanoTime();

    Together.close(List.of(slow, slow, slow, slow));

    assertThat(closed).hasValue(4);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
  }

  @Test
  void aFailingClose_isLogged_andTheOthersStillClose() {
    AtomicInteger closed = new AtomicInteger();
    AutoCloseable failing =
        () -> {
          throw new IllegalStateException("cannot stop");
        };

    Together.close(List.of(closed::incrementAndGet, failing, closed::incrementAndGet));

    assertThat(closed).hasValue(2);
  }
}
