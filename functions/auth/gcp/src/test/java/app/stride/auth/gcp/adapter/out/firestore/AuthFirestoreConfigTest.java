package app.stride.auth.gcp.adapter.out.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import app.stride.core.region.RegionId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthFirestoreConfigTest {
  @Test
  void fromEnv_readsTheRegionAndTheFirestoreDatabase() {
    AuthFirestoreConfig config =
        AuthFirestoreConfig.fromEnv(
            new Env(
                Map.of(
                    "STRIDE_REGION", "apac",
                    "STRIDE_FIRESTORE_PROJECT", "stride-prod",
                    "STRIDE_FIRESTORE_DATABASE", "auth-apac")));

    assertThat(config.region()).isEqualTo(RegionId.of("apac"));
    assertThat(config.firestore().projectId()).isEqualTo("stride-prod");
    assertThat(config.firestore().databaseId()).isEqualTo("auth-apac");
    assertThat(config.firestore().emulatorHost()).isEqualTo(Optional.empty());
  }

  @Test
  void fromEnv_defaultsTheDatabase() {
    AuthFirestoreConfig config =
        AuthFirestoreConfig.fromEnv(
            new Env(Map.of("STRIDE_REGION", "apac", "STRIDE_FIRESTORE_PROJECT", "p")));

    assertThat(config.firestore().databaseId()).isEqualTo("(default)");
  }

  @Test
  void fromEnv_refusesARegionNotServedByFirestore() {
    assertThatThrownBy(
            () ->
                AuthFirestoreConfig.fromEnv(
                    new Env(Map.of("STRIDE_REGION", "eu", "STRIDE_FIRESTORE_PROJECT", "p"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not served by Firestore");
  }

  @Test
  void fromEnv_requiresTheProject() {
    assertThatThrownBy(() -> AuthFirestoreConfig.fromEnv(new Env(Map.of("STRIDE_REGION", "apac"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STRIDE_FIRESTORE_PROJECT");
  }
}
