package app.stride.infra.aws;

import static app.stride.infra.TfStack.strings;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import com.hashicorp.cdktf.Testing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AwsRegionStackTest {

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void stack_isNamedByCloudAndLocation_andDeploysThere(String region) {
    TfStack stack = SynthesizedStacks.region(region);

    String location = region.equals("eu") ? "eu-central-1" : "us-east-1";
    assertThat(stack.name()).isEqualTo("aws-" + location);
    assertThat(
            Testing.toHaveProviderWithProperties(stack.json(), "aws", Map.of("region", location)))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void profilesTable_hasKeys_ppr_pitr_kmsEncryption_andTtlOnExpiresAt(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode table = profilesTable(stack, region);
    JsonNode key = stack.regionKey();

    assertThat(
            Testing.toHaveResourceWithProperties(
                stack.json(),
                "aws_dynamodb_table",
                Map.of(
                    "name", "stride-profiles-" + region,
                    "hash_key", "pk",
                    "range_key", "sk",
                    "billing_mode", "PAY_PER_REQUEST")))
        .isTrue();
    assertThat(table.at("/point_in_time_recovery/enabled").asBoolean()).isTrue();
    assertThat(table.at("/server_side_encryption/enabled").asBoolean()).isTrue();
    assertThat(table.at("/server_side_encryption/kms_key_arn").asString())
        .isEqualTo(stack.ref("aws_kms_key", key, "arn"));
    assertThat(table.at("/ttl/attribute_name").asString()).isEqualTo("expiresAt");
    assertThat(table.at("/ttl/enabled").asBoolean()).isTrue();
    assertThat(table.path("deletion_protection_enabled").asBoolean()).isTrue();
    assertThat(key.path("enable_key_rotation").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void profilesTable_declaresTheSparseOutboxIndex_asProfileItemMapsIt(String region) {
    JsonNode table = profilesTable(SynthesizedStacks.region(region), region);
    JsonNode indexes = table.path("global_secondary_index");

    assertThat(table.path("attribute").values())
        .extracting(a -> a.path("name").asString() + ":" + a.path("type").asString())
        .containsExactly("pk:S", "sk:S", "outboxShard:S", "outboxSince:N");
    assertThat(indexes.values()).hasSize(1);
    JsonNode outbox = indexes.get(0);
    assertThat(outbox.path("name").asString()).isEqualTo("outbox");
    assertThat(outbox.path("hash_key").asString()).isEqualTo("outboxShard");
    assertThat(outbox.path("range_key").asString()).isEqualTo("outboxSince");
    assertThat(outbox.path("projection_type").asString()).isEqualTo("ALL");
    assertThat(outbox.has("non_key_attributes")).isFalse();
    assertThat(table.has("local_secondary_index")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void eventsQueue_redrivesToEncryptedDeadLetterQueue_afterFiveReceives(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode queue = stack.named("aws_sqs_queue", "name", "stride-profile-events-" + region);
    JsonNode dlq = stack.named("aws_sqs_queue", "name", "stride-profile-events-" + region + "-dlq");
    String keyArn = stack.ref("aws_kms_key", stack.regionKey(), "arn");

    JsonNode redrive = JsonMapper.shared().readTree(queue.path("redrive_policy").asString());
    assertThat(redrive.path("deadLetterTargetArn").asString())
        .isEqualTo(stack.ref("aws_sqs_queue", dlq, "arn"));
    assertThat(redrive.path("maxReceiveCount").asInt()).isEqualTo(5);
    assertThat(queue.path("kms_master_key_id").asString()).isEqualTo(keyArn);
    assertThat(dlq.path("kms_master_key_id").asString()).isEqualTo(keyArn);
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void everyFunction_runsOnArm64_theArchitectureOfTheJarsNativeCrypto(String region) {
    var functions = SynthesizedStacks.region(region).resources("aws_lambda_function").values();

    assertThat(functions).isNotEmpty();
    assertThat(functions)
        .allSatisfy(
            fn ->
                assertThat(TfStack.strings(fn.path("architectures")))
                    .as(fn.path("function_name").asString())
                    .containsExactly(SpringLambda.Sizing.ARCHITECTURE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void function_isJava17_withSnapStart_publishedBehindLiveAlias(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode fn = httpFunction(stack, region);
    JsonNode alias = profilesAlias(stack, region);

    assertThat(fn.path("function_name").asString()).isEqualTo("stride-profiles-" + region);
    assertThat(fn.path("runtime").asString()).isEqualTo("java17");
    assertThat(fn.path("handler").asString())
        .isEqualTo("app.stride.aws.lambda.StrideFunctionInvoker::handleRequest");
    assertThat(fn.at("/snap_start/apply_on").asString()).isEqualTo("PublishedVersions");
    assertThat(fn.path("publish").asBoolean()).isTrue();
    assertThat(fn.path("memory_size").asInt()).isEqualTo(1024);
    assertThat(fn.path("timeout").asInt()).isEqualTo(10);
    assertThat(fn.path("filename").asString())
        .endsWith("/functions/profiles/aws/target/profiles-aws-lambda.jar");
    assertThat(fn.has("source_code_hash")).as("no hash without a built jar").isFalse();
    assertThat(alias.path("name").asString()).isEqualTo("live");
    assertThat(alias.path("function_version").asString())
        .isEqualTo(stack.ref("aws_lambda_function", fn, "version"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void function_environment_pointsAtTheRegionsOwnTableAndQueue(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode variables = httpFunction(stack, region).at("/environment/variables");
    JsonNode table = profilesTable(stack, region);
    JsonNode queue = stack.named("aws_sqs_queue", "name", "stride-profile-events-" + region);

    assertThat(variables.path("MAIN_CLASS").asString())
        .isEqualTo("app.stride.profiles.aws.ProfilesAwsApplication");
    assertThat(variables.path("SPRING_CLOUD_FUNCTION_DEFINITION").asString())
        .isEqualTo("profilesHttp");
    assertThat(variables.path("STRIDE_REGION").asString()).isEqualTo(region);
    assertThat(variables.path("STRIDE_PROFILES_TABLE").asString())
        .isEqualTo(stack.ref("aws_dynamodb_table", table, "name"));
    assertThat(variables.path("STRIDE_EVENTS_QUEUE_URL").asString())
        .isEqualTo(stack.ref("aws_sqs_queue", queue, "url"));
    assertThat(variables.path("JAVA_TOOL_OPTIONS").asString())
        .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    assertThat(
            variables
                .path("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CLOUD_FUNCTION_ADAPTER_AWS")
                .asString())
        .isEqualTo("WARN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void function_environment_configuresTheTokenVerifier_likeTheAuthorizer(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode variables = httpFunction(stack, region).at("/environment/variables");
    JsonNode jwt = stack.only("aws_apigatewayv2_authorizer").path("jwt_configuration");

    assertThat(variables.path("STRIDE_JWT_ISSUER").asString())
        .isEqualTo(jwt.path("issuer").asString())
        .isEqualTo("https://auth.stride.app");
    assertThat(variables.path("STRIDE_JWT_AUDIENCE").asString())
        .isEqualTo(jwt.path("audience").get(0).asString())
        .isEqualTo("stride-mobile");
    assertThat(variables.path("STRIDE_JWKS_URL").asString())
        .isEqualTo("https://auth.stride.app/.well-known/jwks.json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void logs_areRetained30Days_andErrorsRaiseAnAlarm(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode alarm =
        stack.named(
            "aws_cloudwatch_metric_alarm", "alarm_name", "stride-profiles-" + region + "-errors");

    assertThat(
            Testing.toHaveResourceWithProperties(
                stack.json(),
                "aws_cloudwatch_log_group",
                Map.of("name", "/aws/lambda/stride-profiles-" + region, "retention_in_days", 30)))
        .isTrue();
    assertThat(alarm.path("namespace").asString()).isEqualTo("AWS/Lambda");
    assertThat(alarm.path("metric_name").asString()).isEqualTo("Errors");
    assertThat(alarm.at("/dimensions/FunctionName").asString())
        .isEqualTo("stride-profiles-" + region);
    assertThat(alarm.path("statistic").asString()).isEqualTo("Sum");
    assertThat(alarm.path("threshold").asInt()).isEqualTo(5);
    assertThat(alarm.path("comparison_operator").asString())
        .isEqualTo("GreaterThanOrEqualToThreshold");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void httpApi_routesTheFourProfileMethods_throughTheJwtAuthorizer_toTheAlias(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode authorizer = stack.only("aws_apigatewayv2_authorizer");
    JsonNode alias = profilesAlias(stack, region);
    JsonNode integration =
        stack.named(
            "aws_apigatewayv2_integration",
            "integration_uri",
            stack.ref("aws_lambda_alias", alias, "invoke_arn"));
    String target = "integrations/" + stack.ref("aws_apigatewayv2_integration", integration, "id");
    List<JsonNode> routes =
        stack.resources("aws_apigatewayv2_route").values().stream()
            .filter(r -> r.path("target").asString().equals(target))
            .toList();

    assertThat(
            stack
                .named("aws_apigatewayv2_api", "name", "stride-" + region)
                .path("protocol_type")
                .asString())
        .isEqualTo("HTTP");
    assertThat(routes.stream().map(r -> r.path("route_key").asString()))
        .containsExactlyInAnyOrder(
            "GET /v1/me/profile",
            "PUT /v1/me/profile",
            "PATCH /v1/me/profile",
            "DELETE /v1/me/profile");
    assertThat(routes)
        .allSatisfy(
            route -> {
              assertThat(route.path("authorization_type").asString()).isEqualTo("JWT");
              assertThat(route.path("authorizer_id").asString())
                  .isEqualTo(stack.ref("aws_apigatewayv2_authorizer", authorizer, "id"));
              assertThat(route.path("target").asString())
                  .isEqualTo(
                      "integrations/"
                          + stack.ref("aws_apigatewayv2_integration", integration, "id"));
            });
    assertThat(authorizer.path("authorizer_type").asString()).isEqualTo("JWT");
    assertThat(authorizer.at("/jwt_configuration/issuer").asString())
        .isEqualTo("https://auth.stride.app");
    assertThat(strings(authorizer.at("/jwt_configuration/audience")))
        .containsExactly("stride-mobile");
    assertThat(integration.path("integration_type").asString()).isEqualTo("AWS_PROXY");
    assertThat(integration.path("payload_format_version").asString()).isEqualTo("2.0");
    assertThat(integration.path("integration_uri").asString())
        .isEqualTo(stack.ref("aws_lambda_alias", alias, "invoke_arn"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void defaultStage_throttles_andApiGatewayMayInvokeOnlyTheAlias(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode stage = stack.named("aws_apigatewayv2_stage", "name", "$default");
    JsonNode alias = profilesAlias(stack, region);
    JsonNode permission =
        stack.named(
            "aws_lambda_permission", "qualifier", stack.ref("aws_lambda_alias", alias, "name"));
    JsonNode api = stack.named("aws_apigatewayv2_api", "protocol_type", "HTTP");

    assertThat(stage.path("name").asString()).isEqualTo("$default");
    assertThat(stage.path("auto_deploy").asBoolean()).isTrue();
    assertThat(stage.at("/default_route_settings/throttling_burst_limit").asInt()).isEqualTo(200);
    assertThat(stage.at("/default_route_settings/throttling_rate_limit").asDouble())
        .isEqualTo(100.0);
    assertThat(permission.path("principal").asString()).isEqualTo("apigateway.amazonaws.com");
    assertThat(permission.path("action").asString()).isEqualTo("lambda:InvokeFunction");
    assertThat(permission.path("qualifier").asString())
        .isEqualTo(stack.ref("aws_lambda_alias", alias, "name"));
    assertThat(permission.path("source_arn").asString())
        .isEqualTo(stack.ref("aws_apigatewayv2_api", api, "execution_arn") + "/*/*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void role_grantsExactlyTheItemActions_queueSend_keyUse_cursorKey_andLogging(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode role = stack.named("aws_iam_role", "name", "stride-profiles-" + region);
    JsonNode statements = stack.inlinePolicyStatements(role);

    assertThat(httpFunction(stack, region).path("role").asString())
        .isEqualTo(stack.ref("aws_iam_role", role, "arn"));
    assertThat(statements.values().stream().map(s -> s.path("sid").asString()))
        .containsExactly(
            "ProfilesTable",
            "ProfileEvents",
            "RegionKey",
            "CursorKey",
            "RedisConnect",
            "VpcNetworkInterfaces",
            "Logs");
    assertThat(strings(statements.get(0).path("actions")))
        .containsExactly(
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:Query",
            "dynamodb:ConditionCheckItem");
    String tableArn = stack.ref("aws_dynamodb_table", profilesTable(stack, region), "arn");
    assertThat(strings(statements.get(0).path("resources")))
        .containsExactly(tableArn, tableArn + "/index/*");
    assertThat(strings(statements.get(1).path("actions"))).containsExactly("sqs:SendMessage");
    assertThat(strings(statements.get(2).path("actions")))
        .containsExactly("kms:Decrypt", "kms:GenerateDataKey");
    assertThat(strings(statements.get(3).path("actions")))
        .containsExactly("secretsmanager:GetSecretValue");
    assertThat(strings(statements.get(3).path("resources")))
        .containsExactly(
            stack.ref(
                "aws_secretsmanager_secret",
                stack.named("aws_secretsmanager_secret", "name", "stride-cursor-key-" + region),
                "arn"));
    // 4 and 5: the region's Redis (RegionRedisAwsTest).
    assertThat(strings(statements.get(6).path("resources")))
        .containsExactly(
            stack.ref(
                    "aws_cloudwatch_log_group",
                    stack.named(
                        "aws_cloudwatch_log_group",
                        "name",
                        "/aws/lambda/stride-profiles-" + region),
                    "arn")
                + ":*");
  }

  private static JsonNode httpFunction(TfStack stack, String region) {
    return stack.named("aws_lambda_function", "function_name", "stride-profiles-" + region);
  }

  private static JsonNode profilesTable(TfStack stack, String region) {
    return stack.named("aws_dynamodb_table", "name", "stride-profiles-" + region);
  }

  private static JsonNode profilesAlias(TfStack stack, String region) {
    return stack.named(
        "aws_lambda_alias",
        "function_name",
        stack.ref("aws_lambda_function", httpFunction(stack, region), "function_name"));
  }
}
