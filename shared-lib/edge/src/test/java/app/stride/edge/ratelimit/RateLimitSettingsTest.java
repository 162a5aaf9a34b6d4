package app.stride.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import app.stride.edge.redis.RedisEndpoint;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitSettingsTest {

  @Test
  void from_emptyEnvironment_meansInProcessBuckets_withDefaults() {
    RateLimitSettings settings = RateLimitSettings.from(new Env(Map.of()));

    assertThat(settings.redis()).isEmpty();
    assertThat(settings.redisTimeout()).isEqualTo(RedisRateLimiter.DEFAULT_TIMEOUT);
    assertThat(settings.probeInterval()).isEqualTo(FallbackRateLimiter.DEFAULT_PROBE_INTERVAL);
    assertThat(settings.localMaxKeys()).isEqualTo(LocalRateLimiter.DEFAULT_MAX_KEYS);
    assertThat(settings.leases()).as("token leases on by default").isTrue();
  }

  @Test
  void from_readsEveryVariable() {
    RateLimitSettings settings =
        RateLimitSettings.from(
            new Env(
                Map.of(
                    "STRIDE_REDIS_URL", "redis://127.0.0.1:6390/0",
                    "STRIDE_RATELIMIT_REDIS_TIMEOUT_MS", "40",
                    "STRIDE_RATELIMIT_PROBE_INTERVAL_MS", "5000",
                    "STRIDE_RATELIMIT_LOCAL_MAX_KEYS", "500",
                    "STRIDE_RATELIMIT_LEASES", "off")));

    assertThat(settings.redis().map(RedisEndpoint::url)).contains("redis://127.0.0.1:6390/0");
    assertThat(settings.redis().orElseThrow().credentials()).as("the URL's own").isEmpty();
    assertThat(settings.redisTimeout()).isEqualTo(Duration.ofMillis(40));
    assertThat(settings.probeInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.localMaxKeys()).isEqualTo(500);
    assertThat(settings.leases()).isFalse();
  }

  @Test
  void from_refusesAValueThatIsNotAPositiveWholeNumber_namingTheVariable() {
    assertThatThrownBy(
            () -> RateLimitSettings.from(new Env(Map.of("STRIDE_RATELIMIT_LOCAL_MAX_KEYS", "-3"))))
        .hasMessageContaining("STRIDE_RATELIMIT_LOCAL_MAX_KEYS");
    assertThatThrownBy(
            () ->
                RateLimitSettings.from(
                    new Env(Map.of("STRIDE_RATELIMIT_REDIS_TIMEOUT_MS", "100ms"))))
        .hasMessageContaining("STRIDE_RATELIMIT_REDIS_TIMEOUT_MS");
    assertThatThrownBy(
            () -> RateLimitSettings.from(new Env(Map.of("STRIDE_RATELIMIT_LEASES", "yes"))))
        .hasMessageContaining("STRIDE_RATELIMIT_LEASES");
  }
}
