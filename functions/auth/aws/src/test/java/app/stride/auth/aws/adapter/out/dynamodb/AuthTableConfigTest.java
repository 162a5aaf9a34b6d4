package app.stride.auth.aws.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import app.stride.core.region.RegionId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthTableConfigTest {
  @Test
  void fromEnv_defaultsToTheRegionsAuthTable() {
    AuthTableConfig config = AuthTableConfig.fromEnv(new Env(Map.of("STRIDE_REGION", "us")));

    assertThat(config).isEqualTo(new AuthTableConfig(RegionId.of("us"), "stride-auth-us"));
  }

  @Test
  void fromEnv_takesAnExplicitTableName() {
    AuthTableConfig config =
        AuthTableConfig.fromEnv(
            new Env(Map.of("STRIDE_REGION", "eu", "STRIDE_AUTH_TABLE", "auth-local")));

    assertThat(config.tableName()).isEqualTo("auth-local");
    assertThat(config.region()).isEqualTo(RegionId.of("eu"));
  }

  @Test
  void fromEnv_needsTheRegion() {
    assertThatThrownBy(() -> AuthTableConfig.fromEnv(new Env(Map.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STRIDE_REGION");
  }
}
