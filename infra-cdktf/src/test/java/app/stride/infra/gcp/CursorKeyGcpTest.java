package app.stride.infra.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.RegionConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The GCP region's cursor key: one secret in the region, no version in the Terraform, read by every
 * capability's HTTP function (the listings refuse to start without it) and by no worker.
 */
class CursorKeyGcpTest {
  private static final RegionConfig APAC = SynthesizedStacks.config().region("apac").orElseThrow();

  private final TfStack stack = SynthesizedStacks.region("apac");
  private final JsonNode secret =
      stack.named("google_secret_manager_secret", "secret_id", "stride-cursor-key-apac");
  private final String secretId = stack.ref("google_secret_manager_secret", secret, "secret_id");

  @Test
  void secret_isReplicatedOnlyInTheRegion_andHasNoVersionInTheTerraform() {
    assertThat(secret.at("/replication/user_managed/replicas").values())
        .extracting(r -> r.path("location").asString())
        .containsExactly(APAC.location());
    RegionRedisGcpTest.assertOnlyTheRedisAuthSecretHasAVersion(stack);
  }

  @Test
  void everyCapabilityHttpFunction_readsIt_asTheLatestVersion() {
    for (Capability capability : Capabilities.ALL) {
      JsonNode function =
          stack.named(
              "google_cloudfunctions2_function", "name", APAC.functionName(capability.name()));

      assertThat(function.at("/service_config/secret_environment_variables").values())
          .as(capability.name())
          .filteredOn(v -> v.path("key").asString().equals(CursorKeySecret.ENV))
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.path("secret").asString()).isEqualTo(secretId);
                assertThat(v.path("version").asString()).isEqualTo("latest");
              });
    }
  }

  @Test
  void onlyTheCapabilityAccounts_mayReadIt_andNoWorker() {
    List<String> readers =
        stack.resources("google_secret_manager_secret_iam_member").values().stream()
            .filter(m -> m.path("secret_id").asString().equals(secretId))
            .map(m -> m.path("role").asString() + " " + m.path("member").asString())
            .toList();
    List<String> accounts =
        Capabilities.ALL.stream()
            .map(
                c ->
                    "roles/secretmanager.secretAccessor "
                        + DevicesGcpTest.member(stack, APAC.functionName(c.name())))
            .toList();

    assertThat(readers).containsExactlyInAnyOrderElementsOf(accounts);
    for (JsonNode function : stack.resources("google_cloudfunctions2_function").values()) {
      if (function.path("name").asString().contains("-worker-")) {
        assertThat(function.at("/service_config/secret_environment_variables").values())
            .as(function.path("name").asString())
            .noneMatch(v -> v.path("key").asString().equals(CursorKeySecret.ENV));
      }
    }
  }
}
