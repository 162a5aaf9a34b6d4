package app.stride.devices.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DataKeyCacheTest {
  private final MutableClock clock = new MutableClock();
  private final DataKeyCache cache = new DataKeyCache(2, Duration.ofMinutes(5), clock);

  @Test
  void beyondCapacity_evictsTheLeastRecentlyUsedKey() {
    cache.put("a", new byte[] {1});
    cache.put("b", new byte[] {2});
    cache.get("a");

    cache.put("c", new byte[] {3});

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("b")).isNull();
    assertThat(cache.get("a")).containsExactly(1);
    assertThat(cache.get("c")).containsExactly(3);
  }

  @Test
  void keysAreCopiedInAndOut() {
    byte[] key = {7, 7};
    cache.put("a", key);
    key[0] = 0;
    cache.get("a")[1] = 0;

    assertThat(cache.get("a")).containsExactly(7, 7);
  }

  @Test
  void expiredKeys_readAsAbsent() {
    cache.put("a", new byte[] {1});

    clock.advance(Duration.ofMinutes(5));

    assertThat(cache.get("a")).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void zeroTtl_cachesNothing() {
    DataKeyCache off = new DataKeyCache(2, Duration.ZERO, clock);

    off.put("a", new byte[] {1});

    assertThat(off.get("a")).isNull();
  }

  /** A clock the test moves forward. */
  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-03-01T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
