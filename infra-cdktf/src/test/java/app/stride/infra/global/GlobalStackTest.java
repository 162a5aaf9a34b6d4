package app.stride.infra.global;

import static app.stride.infra.TfStack.strings;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import com.hashicorp.cdktf.Testing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GlobalStackTest {

  private final TfStack stack = SynthesizedStacks.stack("global");

  @Test
  void directory_isAnEncryptedPitrTable_inEuCentral1() {
    JsonNode table = stack.only("aws_dynamodb_table");

    assertThat(
            Testing.toHaveProviderWithProperties(
                stack.json(), "aws", Map.of("region", "eu-central-1")))
        .isTrue();
    assertThat(table.path("name").asString()).isEqualTo("stride-directory");
    assertThat(table.path("hash_key").asString()).isEqualTo("pk");
    assertThat(table.at("/point_in_time_recovery/enabled").asBoolean()).isTrue();
    assertThat(table.at("/server_side_encryption/enabled").asBoolean()).isTrue();
    assertThat(table.at("/server_side_encryption/kms_key_arn").asString())
        .isEqualTo(stack.ref("aws_kms_key", stack.only("aws_kms_key"), "arn"));
  }

  @Test
  void directory_holdsNoAttributeButTheKeyedHashAndTheHomeRegion() {
    JsonNode table = stack.only("aws_dynamodb_table");

    assertThat(table.path("attribute").values())
        .extracting(a -> a.path("name").asString() + ":" + a.path("type").asString())
        .as("DynamoDirectory: DirectoryItem keyed by the string pk")
        .containsExactly("pk:S");
    assertThat(table.has("range_key")).isFalse();
    assertThat(table.has("global_secondary_index")).isFalse();
    assertThat(table.has("local_secondary_index")).isFalse();
    assertThat(table.has("stream_enabled")).isFalse();
    assertThat(table.has("replica")).isFalse();
    assertThat(table.at("/tags/stride:item-attributes").asString()).isEqualTo("pk,homeRegion");
  }

  @Test
  void globalStack_containsOnlyTheDirectory_itsKey_itsSecretAndItsService() {
    assertThat(stack.resourceTypes())
        .containsExactlyInAnyOrder(
            "aws_dynamodb_table",
            "aws_kms_key",
            "aws_kms_alias",
            "aws_secretsmanager_secret",
            "aws_cloudwatch_log_group",
            "aws_iam_role",
            "aws_iam_role_policy",
            "aws_lambda_function",
            "aws_lambda_alias",
            "aws_lambda_function_url",
            "aws_lambda_permission",
            "aws_cloudwatch_metric_alarm");
    assertThat(stack.dataSources("aws_iam_policy_document").keySet())
        .hasSize(2); // the role's trust and its permissions
    assertThat(stack.json()).doesNotContain("stride-profiles-", "stride-profile-events-");
  }

  @Test
  void directoryFunction_runsTheDirectoryJar_withTableAndSecretArn() {
    JsonNode fn = stack.only("aws_lambda_function");
    JsonNode table = stack.only("aws_dynamodb_table");
    JsonNode secret = stack.only("aws_secretsmanager_secret");
    JsonNode env = fn.at("/environment/variables");

    assertThat(fn.path("function_name").asString()).isEqualTo("stride-directory");
    assertThat(fn.path("runtime").asString()).isEqualTo("java17");
    assertThat(fn.path("handler").asString())
        .isEqualTo("app.stride.aws.lambda.StrideFunctionInvoker::handleRequest");
    assertThat(fn.path("filename").asString())
        .endsWith("/functions/directory/target/directory-aws-lambda.jar");
    assertThat(fn.path("publish").asBoolean()).isTrue();
    assertThat(fn.at("/snap_start/apply_on").asString()).isEqualTo("PublishedVersions");
    assertThat(env.path("MAIN_CLASS").asString())
        .isEqualTo("app.stride.directory.aws.DirectoryAwsApplication");
    assertThat(env.path("SPRING_CLOUD_FUNCTION_DEFINITION").asString()).isEqualTo("directoryHttp");
    assertThat(env.path("STRIDE_DIRECTORY_TABLE").asString())
        .isEqualTo(stack.ref("aws_dynamodb_table", table, "name"));
    assertThat(env.path("STRIDE_DIRECTORY_API_SECRET_ARN").asString())
        .isEqualTo(stack.ref("aws_secretsmanager_secret", secret, "arn"));
    assertThat(env.path("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CLOUD_FUNCTION_ADAPTER_AWS").asString())
        .isEqualTo("WARN");
  }

  @Test
  void directoryRole_mayOnlyGetPutAndDeleteItemsOfTheTable_andReadItsSecret() {
    JsonNode role = stack.only("aws_iam_role");
    String tableArn = stack.ref("aws_dynamodb_table", stack.only("aws_dynamodb_table"), "arn");
    String secretArn =
        stack.ref("aws_secretsmanager_secret", stack.only("aws_secretsmanager_secret"), "arn");
    String keyArn = stack.ref("aws_kms_key", stack.only("aws_kms_key"), "arn");
    String logsArn =
        stack.ref("aws_cloudwatch_log_group", stack.only("aws_cloudwatch_log_group"), "arn") + ":*";
    Map<String, List<String>> actionsByResource = new LinkedHashMap<>();

    stack
        .inlinePolicyStatements(role)
        .values()
        .forEach(
            statement -> {
              assertThat(statement.path("effect").asString()).isEqualTo("Allow");
              for (String resource : strings(statement.path("resources"))) {
                actionsByResource.put(resource, strings(statement.path("actions")));
              }
            });

    assertThat(role.path("name").asString()).isEqualTo("stride-directory");
    assertThat(actionsByResource)
        .containsOnlyKeys(tableArn, secretArn, keyArn, logsArn)
        .containsEntry(
            tableArn, List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"))
        .containsEntry(secretArn, List.of("secretsmanager:GetSecretValue"))
        .containsEntry(keyArn, List.of("kms:Decrypt"))
        .containsEntry(logsArn, List.of("logs:CreateLogStream", "logs:PutLogEvents"));
  }

  @Test
  void functionUrl_isPublic_onTheLiveAlias_becauseEveryRequestIsHmacSigned() {
    JsonNode fn = stack.only("aws_lambda_function");
    JsonNode alias = stack.only("aws_lambda_alias");
    JsonNode url = stack.only("aws_lambda_function_url");
    JsonNode permission = stack.only("aws_lambda_permission");

    assertThat(alias.path("name").asString()).isEqualTo("live");
    assertThat(alias.path("function_version").asString())
        .isEqualTo(stack.ref("aws_lambda_function", fn, "version"));
    assertThat(url.path("authorization_type").asString()).isEqualTo("NONE");
    assertThat(url.path("function_name").asString())
        .isEqualTo(stack.ref("aws_lambda_function", fn, "function_name"));
    assertThat(url.path("qualifier").asString())
        .isEqualTo(stack.ref("aws_lambda_alias", alias, "name"));
    assertThat(url.has("cors")).isFalse();
    assertThat(permission.path("action").asString()).isEqualTo("lambda:InvokeFunctionUrl");
    assertThat(permission.path("function_url_auth_type").asString()).isEqualTo("NONE");
    assertThat(permission.path("qualifier").asString())
        .isEqualTo(stack.ref("aws_lambda_alias", alias, "name"));
    assertThat(stack.root().at("/output/directory_url/value").asString())
        .isEqualTo(stack.ref("aws_lambda_function_url", url, "function_url"));
  }

  @Test
  void apiSecret_isEncryptedWithTheDirectoryKey_andItsValueIsNeverInTheTerraformJson() {
    JsonNode secret = stack.only("aws_secretsmanager_secret");
    JsonNode fn = stack.only("aws_lambda_function");

    assertThat(secret.path("name").asString()).isEqualTo("stride-directory-api-secret");
    assertThat(secret.path("kms_key_id").asString())
        .isEqualTo(stack.ref("aws_kms_key", stack.only("aws_kms_key"), "arn"));
    assertThat(stack.root().at("/output/directory_api_secret/value").asString())
        .isEqualTo(stack.ref("aws_secretsmanager_secret", secret, "name"));
    assertThat(stack.resourceTypes())
        .doesNotContain("aws_secretsmanager_secret_version", "random_password");
    assertThat(stack.json()).doesNotContain("secret_string", "secret_binary");
    assertThat(fn.at("/environment/variables").propertyNames())
        .doesNotContain("STRIDE_DIRECTORY_API_SECRET");
  }
}
