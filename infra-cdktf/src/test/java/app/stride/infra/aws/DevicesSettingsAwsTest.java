package app.stride.infra.aws;

import static app.stride.infra.TfStack.strings;
import static app.stride.infra.aws.DevicesAwsTest.function;
import static app.stride.infra.aws.DevicesAwsTest.grantsByResource;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The devices settings on AWS ({@link SettingsBundleSecret}): one Secrets Manager secret per region
 * holding the settings as a JSON object, reachable by the devices HTTP function and worker only,
 * through {@value SettingsBundleSecret#ARN_ENV}.
 */
class DevicesSettingsAwsTest {

  private static final EnvConfig ENV = SynthesizedStacks.config();

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void bundle_isOneSecretPerRegion_encryptedWithTheRegionsKey_withoutAVersion(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    JsonNode secret = bundle(stack, regionId);

    assertThat(secret.path("kms_key_id").asString())
        .isEqualTo(stack.ref("aws_kms_key", stack.regionKey(), "arn"));
    assertThat(secret.path("recovery_window_in_days").asInt()).isEqualTo(30);
    assertThat(stack.resources("aws_secretsmanager_secret").values())
        .filteredOn(s -> s.path("name").asString().contains("-settings-"))
        .singleElement()
        .isEqualTo(secret);
    assertThat(stack.resourceTypes()).doesNotContain("aws_secretsmanager_secret_version");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void httpFunctionAndWorker_getTheBundlesArn_noOtherFunctionDoes(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    String arn = stack.ref("aws_secretsmanager_secret", bundle(stack, regionId), "arn");
    List<String> devices =
        List.of(region.functionName("devices"), region.workerFunctionName("devices"));

    for (String name : devices) {
      JsonNode env = function(stack, name).at("/environment/variables");
      assertThat(env.path(SettingsBundleSecret.ARN_ENV).asString()).as(name).isEqualTo(arn);
      // The settings themselves stay out of the environment.
      assertThat(env.propertyNames())
          .as(name)
          .doesNotContainAnyElementsOf(
              Capabilities.DEVICES_SECRETS.stream()
                  .map(Capability.SecretSetting::variable)
                  .toList());
    }
    for (JsonNode fn : stack.resources("aws_lambda_function").values()) {
      String name = fn.path("function_name").asString();
      if (!devices.contains(name)) {
        assertThat(fn.at("/environment/variables").propertyNames())
            .as(name)
            .doesNotContain(SettingsBundleSecret.ARN_ENV);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void httpAndWorkerRoles_mayOnlyGetTheBundlesValue_noOtherRoleNamesIt(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    String arn = stack.ref("aws_secretsmanager_secret", bundle(stack, regionId), "arn");
    List<String> devices =
        List.of(region.functionName("devices"), region.workerFunctionName("devices"));

    for (String role : devices) {
      assertThat(grantsByResource(stack, role).get(arn))
          .as(role)
          .containsExactly("secretsmanager:GetSecretValue");
      assertThat(
              stack
                  .inlinePolicyStatements(stack.named("aws_iam_role", "name", role))
                  .values()
                  .stream()
                  .filter(s -> strings(s.path("resources")).contains(arn)))
          .as("%s: a statement of its own, on exactly that secret", role)
          .singleElement()
          .satisfies(s -> assertThat(strings(s.path("resources"))).containsExactly(arn));
    }
    for (JsonNode role : stack.resources("aws_iam_role").values()) {
      String name = role.path("name").asString();
      if (!devices.contains(name)) {
        assertThat(stack.inlinePolicyStatements(role).toString()).as(name).doesNotContain(arn);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void outputs_nameTheSecretToFill_andEveryMemberItsJsonMayHold(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    JsonNode outputs = stack.root().path("output");

    assertThat(outputs.at("/devices_settings_secret/value").asString())
        .isEqualTo(stack.ref("aws_secretsmanager_secret", bundle(stack, regionId), "name"));
    assertThat(strings(outputs.at("/devices_settings_members/value")))
        .hasSize(27)
        .containsExactlyElementsOf(
            Capabilities.DEVICES_SECRETS.stream().map(Capability.SecretSetting::variable).toList());
  }

  private static JsonNode bundle(TfStack stack, String regionId) {
    return stack.named("aws_secretsmanager_secret", "name", "stride-devices-settings-" + regionId);
  }
}
