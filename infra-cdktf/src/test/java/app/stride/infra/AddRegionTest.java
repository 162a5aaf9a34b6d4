package app.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.config.Cloud;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.EnvConfigLoader;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A new home region is one more config entry: the stack, names and grants follow. */
class AddRegionTest {

  @TempDir Path repoRoot;

  @Test
  void aNewAwsRegionInConfig_getsItsOwnStack_withItsOwnTableAndGrants() throws Exception {
    EnvConfig base = EnvConfigLoader.loadDefault();
    List<RegionConfig> regions = new ArrayList<>(base.regions());
    RegionConfig ca = new RegionConfig("ca", Cloud.AWS, "ca-central-1", null);
    regions.add(ca);
    EnvConfig env = base.withRegions(regions);
    Path jar = repoRoot.resolve(base.artifacts().awsProfilesJar());
    Files.createDirectories(jar.getParent());
    Files.write(jar, new byte[] {1, 2, 3});

    App app = Testing.app();
    Map<String, TerraformStack> stacks =
        StrideStacks.addAll(app, env, new ArtifactLocator(repoRoot));
    TfStack stack =
        TfStack.parse("aws-ca-central-1", Testing.synth(stacks.get("aws-ca-central-1")));

    assertThat(stacks.keySet())
        .containsExactly(
            "aws-eu-central-1",
            "aws-us-east-1",
            "gcp-asia-southeast1",
            "aws-ca-central-1",
            "global");
    assertThat(stack.resources("aws_dynamodb_table").values())
        .extracting(t -> t.path("name").asString())
        .containsExactlyInAnyOrder(
            "stride-profiles-ca",
            "stride-planner-ca",
            "stride-workouts-ca",
            "stride-social-ca",
            "stride-devices-ca",
            "stride-auth-ca");
    // The new region's devices bucket and work queue carry its id.
    assertThat(stack.only("aws_s3_bucket").path("bucket").asString())
        .startsWith("stride-devices-ca-");
    assertThat(stack.named("aws_sqs_queue", "name", "stride-devices-work-ca")).isNotNull();
    // Strava's limits are now split four ways: the share follows the number of regions.
    assertThat(
            stack
                .named("aws_lambda_function", "function_name", "stride-devices-worker-ca")
                .at("/environment/variables/STRIDE_PROVIDER_STRAVA_BUDGET_SHARE")
                .asString())
        .isEqualTo("0.25");
    JsonNode fn = stack.named("aws_lambda_function", "function_name", "stride-profiles-ca");
    JsonNode relay =
        stack.named("aws_lambda_function", "function_name", "stride-profiles-outbox-relay-ca");
    assertThat(fn.at("/environment/variables/STRIDE_REGION").asString()).isEqualTo("ca");
    assertThat(fn.path("filename").asString()).isEqualTo(jar.toString());
    assertThat(fn.path("source_code_hash").asString())
        .isEqualTo(
            new ArtifactLocator(repoRoot)
                .locate(base.artifacts().awsProfilesJar())
                .sha256Base64()
                .orElseThrow());
    assertThat(relay.at("/environment/variables/STRIDE_REGION").asString()).isEqualTo("ca");
    assertThat(relay.path("source_code_hash").asString())
        .isEqualTo(fn.path("source_code_hash").asString());
    assertThat(stack.only("aws_scheduler_schedule_group").path("name").asString())
        .isEqualTo("stride-ca");
    assertThat(stack.resources("aws_secretsmanager_secret").values())
        .extracting(s -> s.path("name").asString())
        .containsExactlyInAnyOrder(
            "stride-cursor-key-ca",
            "stride-devices-settings-ca",
            "stride-directory-hash-key-ca",
            "stride-directory-api-secret-ca");
    JsonNode auth = stack.named("aws_lambda_function", "function_name", "stride-auth-ca");
    assertThat(auth.at("/environment/variables/STRIDE_REGION").asString()).isEqualTo("ca");
    assertThat(
            stack.named("aws_sesv2_configuration_set", "configuration_set_name", "stride-auth-ca"))
        .isNotNull();
    assertThat(ResidencyRules.check(Map.of(ca, stack))).isEmpty();
  }
}
