package app.stride.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CacheConfigTest {
  private final CacheConfig cache = new CacheConfig("cache.t4g.small", 1, "10.40.0.0/16");

  @Test
  void subnets_areTheRangesSixteenthsAndItsTwoTopSlash28s() {
    assertThat(cache.subnet20(0)).isEqualTo("10.40.0.0/20");
    assertThat(cache.subnet20(1)).isEqualTo("10.40.16.0/20");
    assertThat(cache.subnet20(15)).isEqualTo("10.40.240.0/20");
    assertThat(cache.top28()).isEqualTo("10.40.255.240/28");
    assertThat(cache.secondTop28()).isEqualTo("10.40.255.224/28");
    assertThatThrownBy(() -> cache.subnet20(16)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAPublicOrOddRange_anUnknownNodeType_andMemoryOutOfRange() {
    assertThatThrownBy(() -> new CacheConfig("cache.t4g.small", 1, "52.0.0.0/16"))
        .hasMessageContaining("vpcCidr");
    assertThatThrownBy(() -> new CacheConfig("cache.t4g.small", 1, "10.300.0.0/16"))
        .hasMessageContaining("vpcCidr");
    assertThatThrownBy(() -> new CacheConfig("cache.t4g.small", 1, "10.4.0.0/24"))
        .hasMessageContaining("vpcCidr");
    assertThatThrownBy(() -> new CacheConfig("t4g.small", 1, "10.4.0.0/16"))
        .hasMessageContaining("node type");
    assertThatThrownBy(() -> new CacheConfig("cache.t4g.small", 0, "10.4.0.0/16"))
        .hasMessageContaining("gcpMemorySizeGb");
  }
}
