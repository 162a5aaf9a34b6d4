package app.stride.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import app.stride.core.region.RegionId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableNamesTest {

  @Test
  void of_namesTheTableAfterCapabilityAndRegion() {
    assertThat(TableNames.of("profiles", RegionId.of("eu"))).isEqualTo("stride-profiles-eu");
  }

  @Test
  void of_refusesCapabilityNamesThatWouldBreakTheScheme() {
    assertThatThrownBy(() -> TableNames.of("Profiles_X", RegionId.of("eu")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromEnv_prefersTheExplicitVariable() {
    Env env = new Env(Map.of("STRIDE_PROFILES_TABLE", "custom"));

    assertThat(TableNames.fromEnv(env, "STRIDE_PROFILES_TABLE", "profiles", RegionId.of("us")))
        .isEqualTo("custom");
    assertThat(
            TableNames.fromEnv(
                new Env(Map.of()), "STRIDE_PROFILES_TABLE", "profiles", RegionId.of("us")))
        .isEqualTo("stride-profiles-us");
  }
}
