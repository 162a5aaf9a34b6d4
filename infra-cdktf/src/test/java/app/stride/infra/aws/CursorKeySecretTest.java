package app.stride.infra.aws;

import static app.stride.infra.TfStack.strings;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The cursor HMAC key reaches functions as a secret reference, never as a value. */
class CursorKeySecretTest {

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void secret_isPerRegion_encryptedWithTheRegionsKey(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode secret = cursorSecret(stack, region);

    assertThat(secret.path("name").asString()).isEqualTo("stride-cursor-key-" + region);
    assertThat(secret.path("kms_key_id").asString())
        .isEqualTo(stack.ref("aws_kms_key", stack.regionKey(), "arn"));
    assertThat(stack.root().at("/output/cursor_key_secret/value").asString())
        .isEqualTo(stack.ref("aws_secretsmanager_secret", secret, "name"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void secretValue_isNeverInTheTerraformJson(String region) {
    TfStack stack = SynthesizedStacks.region(region);

    assertThat(stack.resourceTypes())
        .doesNotContain("aws_secretsmanager_secret_version", "random_password");
    assertThat(stack.json()).doesNotContain("secret_string", "secret_binary");
    stack
        .resources("aws_lambda_function")
        .values()
        .forEach(
            fn ->
                assertThat(fn.at("/environment/variables").propertyNames())
                    .doesNotContain("STRIDE_CURSOR_KEY"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void httpFunction_getsTheSecretsArn_andMayReadOnlyThatSecret(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    String secretArn = stack.ref("aws_secretsmanager_secret", cursorSecret(stack, region), "arn");
    JsonNode fn = stack.named("aws_lambda_function", "function_name", "stride-profiles-" + region);
    JsonNode role = stack.named("aws_iam_role", "name", "stride-profiles-" + region);

    assertThat(fn.at("/environment/variables/STRIDE_CURSOR_KEY_ARN").asString())
        .isEqualTo(secretArn);
    assertThat(stack.inlinePolicyStatements(role).values())
        .filteredOn(s -> strings(s.path("actions")).contains("secretsmanager:GetSecretValue"))
        .singleElement()
        .satisfies(s -> assertThat(strings(s.path("resources"))).containsExactly(secretArn));
  }

  private static JsonNode cursorSecret(TfStack stack, String region) {
    return stack.named("aws_secretsmanager_secret", "name", "stride-cursor-key-" + region);
  }
}
