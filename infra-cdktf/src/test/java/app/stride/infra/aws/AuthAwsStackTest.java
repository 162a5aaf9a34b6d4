package app.stride.infra.aws;

import static app.stride.infra.TfStack.strings;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The auth capability of each AWS region: its table, functions, secrets and mail. */
class AuthAwsStackTest {

  private static final String HANDLER =
      "app.stride.aws.lambda.StrideFunctionInvoker::handleRequest";

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void authTable_isKeyedByPkOnly_onDemand_pitr_regionKey_ttlOnExpiresAt_protected(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode table = authTable(stack, region);

    assertThat(table.path("hash_key").asString()).isEqualTo("pk");
    assertThat(table.has("range_key")).isFalse();
    assertThat(table.path("attribute").values())
        .extracting(a -> a.path("name").asString() + ":" + a.path("type").asString())
        .containsExactly("pk:S");
    assertThat(table.has("global_secondary_index")).isFalse();
    assertThat(table.has("local_secondary_index")).isFalse();
    assertThat(table.path("billing_mode").asString()).isEqualTo("PAY_PER_REQUEST");
    assertThat(table.at("/point_in_time_recovery/enabled").asBoolean()).isTrue();
    assertThat(table.at("/server_side_encryption/enabled").asBoolean()).isTrue();
    assertThat(table.at("/server_side_encryption/kms_key_arn").asString()).isEqualTo(keyArn(stack));
    assertThat(table.at("/ttl/attribute_name").asString()).isEqualTo("expiresAt");
    assertThat(table.at("/ttl/enabled").asBoolean()).isTrue();
    assertThat(table.path("deletion_protection_enabled").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void httpFunction_isArm64Java17_1024Mb_snapStart_reserved_behindTheLiveAlias(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode fn = function(stack, "stride-auth-" + region);
    JsonNode alias =
        stack.named(
            "aws_lambda_alias",
            "function_name",
            stack.ref("aws_lambda_function", fn, "function_name"));

    assertThat(fn.path("handler").asString()).isEqualTo(HANDLER);
    assertThat(fn.path("runtime").asString()).isEqualTo("java17");
    assertThat(strings(fn.path("architectures"))).containsExactly("arm64");
    assertThat(fn.path("memory_size").asInt()).isEqualTo(1024);
    assertThat(fn.path("reserved_concurrent_executions").asInt()).isEqualTo(50);
    assertThat(fn.path("timeout").asInt()).isEqualTo(15);
    assertThat(fn.at("/snap_start/apply_on").asString()).isEqualTo("PublishedVersions");
    assertThat(fn.path("publish").asBoolean()).isTrue();
    assertThat(fn.path("filename").asString())
        .endsWith("/functions/auth/aws/target/auth-aws-lambda.jar");
    assertThat(alias.path("name").asString()).isEqualTo("live");
    assertThat(alias.path("function_version").asString())
        .isEqualTo(stack.ref("aws_lambda_function", fn, "version"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void httpFunction_environment_isTheRegionsOwn_withSecretsByArnOnly(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode env = function(stack, "stride-auth-" + region).at("/environment/variables");

    assertThat(env.propertyNames())
        .containsExactlyInAnyOrder(
            "MAIN_CLASS",
            "SPRING_CLOUD_FUNCTION_DEFINITION",
            "STRIDE_REGION",
            "STRIDE_AUTH_TABLE",
            "STRIDE_EVENTS_QUEUE_URL",
            "STRIDE_JWT_ISSUER",
            "STRIDE_JWT_AUDIENCE",
            "STRIDE_JWKS_URL",
            "STRIDE_PUBLIC_URL",
            "STRIDE_MAIL_FROM",
            "STRIDE_SES_CONFIGURATION_SET",
            "STRIDE_DIRECTORY_URL",
            "STRIDE_DIRECTORY_SECRET_ARN",
            "STRIDE_DIRECTORY_API_SECRET_ARN",
            "STRIDE_REDIS_URL",
            "STRIDE_REDIS_AUTH",
            "STRIDE_REDIS_USER",
            "STRIDE_REDIS_CACHE_NAME",
            "STRIDE_METRICS",
            "STRIDE_ORIGIN_VERIFY_SECRET",
            "JAVA_TOOL_OPTIONS",
            "LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CLOUD_FUNCTION_ADAPTER_AWS");
    assertThat(env.path("MAIN_CLASS").asString())
        .isEqualTo("app.stride.auth.aws.AuthAwsApplication");
    assertThat(env.path("SPRING_CLOUD_FUNCTION_DEFINITION").asString()).isEqualTo("authHttp");
    assertThat(env.path("STRIDE_ORIGIN_VERIFY_SECRET").asString())
        .isEqualTo("${var.origin_verify_secret}");
    assertSharedEnvironment(stack, region, env);
    assertThat(env.path("STRIDE_JWKS_URL").asString())
        .isEqualTo("https://auth.stride.app/.well-known/jwks.json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void scheduledFunctions_runTheScheduleBeansOfTheAuthJar_withTheSameWiring(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode http = function(stack, "stride-auth-" + region);

    for (String[] expected :
        new String[][] {
          {"stride-auth-key-rotation-" + region, "authKeyRotationSchedule"},
          {"stride-auth-deletion-relay-" + region, "authDeletionRelaySchedule"}
        }) {
      JsonNode fn = function(stack, expected[0]);
      JsonNode env = fn.at("/environment/variables");

      assertThat(fn.path("filename").asString()).isEqualTo(http.path("filename").asString());
      assertThat(fn.path("handler").asString()).isEqualTo(HANDLER);
      assertThat(fn.path("runtime").asString()).isEqualTo("java17");
      assertThat(strings(fn.path("architectures"))).containsExactly("arm64");
      assertThat(fn.path("timeout").asInt()).isEqualTo(60);
      assertThat(fn.path("reserved_concurrent_executions").asInt()).as(expected[0]).isEqualTo(1);
      assertThat(fn.has("snap_start")).isFalse();
      assertThat(env.path("MAIN_CLASS").asString())
          .isEqualTo("app.stride.auth.aws.AuthAwsApplication");
      assertThat(env.path("SPRING_CLOUD_FUNCTION_DEFINITION").asString()).isEqualTo(expected[1]);
      assertSharedEnvironment(stack, region, env);
      assertThat(env.has("STRIDE_JWKS_URL")).as("no HTTP, no token verifier").isFalse();
      JsonNode async =
          stack.named(
              "aws_lambda_function_event_invoke_config",
              "function_name",
              stack.ref("aws_lambda_function", fn, "function_name"));
      assertThat(async.path("maximum_retry_attempts").asInt()).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void schedules_rotateKeysHourly_andRelayDeletionsEveryFiveMinutes_inTheRegionsGroup(
      String region) {
    TfStack stack = SynthesizedStacks.region(region);
    String group =
        stack.ref(
            "aws_scheduler_schedule_group", stack.only("aws_scheduler_schedule_group"), "name");

    for (String[] expected :
        new String[][] {
          {"auth-key-rotation", "rate(1 hour)", "stride-auth-key-rotation-" + region},
          {"auth-deletion-relay", "rate(5 minutes)", "stride-auth-deletion-relay-" + region}
        }) {
      JsonNode schedule = stack.named("aws_scheduler_schedule", "name", expected[0]);
      JsonNode target = schedule.path("target");
      JsonNode role = stack.named("aws_iam_role", "name", expected[2] + "-scheduler");
      JsonNode invoke = stack.inlinePolicyStatements(role);

      assertThat(schedule.path("group_name").asString()).isEqualTo(group);
      assertThat(schedule.path("schedule_expression").asString()).isEqualTo(expected[1]);
      assertThat(schedule.at("/flexible_time_window/mode").asString()).isEqualTo("OFF");
      assertThat(target.path("arn").asString())
          .isEqualTo(stack.ref("aws_lambda_function", function(stack, expected[2]), "arn"));
      assertThat(target.path("role_arn").asString())
          .isEqualTo(stack.ref("aws_iam_role", role, "arn"));
      assertThat(target.at("/retry_policy/maximum_retry_attempts").asInt()).isZero();
      assertThat(target.path("input").asString())
          .contains("\"resources\":[\"<aws.scheduler.schedule-arn>\"]");
      assertThat(invoke.values()).hasSize(1);
      assertThat(strings(invoke.get(0).path("actions"))).containsExactly("lambda:InvokeFunction");
      assertThat(strings(invoke.get(0).path("resources")))
          .containsExactly(stack.ref("aws_lambda_function", function(stack, expected[2]), "arn"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void httpRole_grantsItemActionsOnTheAuthTableOnly_events_key_secrets_mail_andLogs(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode statements = roleStatements(stack, "stride-auth-" + region);

    assertThat(statements.values().stream().map(s -> s.path("sid").asString()))
        .containsExactly(
            "AuthTable",
            "Events",
            "RegionKey",
            "AuthSecrets",
            "SendAuthMail",
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
            "dynamodb:Scan");
    assertThat(strings(statements.get(0).path("resources")))
        .containsExactly(stack.ref("aws_dynamodb_table", authTable(stack, region), "arn"));
    assertThat(strings(statements.get(1).path("actions"))).containsExactly("sqs:SendMessage");
    assertThat(strings(statements.get(1).path("resources")))
        .containsExactly(eventsQueueArn(stack, region));
    assertThat(strings(statements.get(2).path("resources"))).containsExactly(keyArn(stack));
    assertThat(strings(statements.get(3).path("actions")))
        .containsExactly("secretsmanager:GetSecretValue");
    assertThat(strings(statements.get(3).path("resources")))
        .containsExactly(
            secretArn(stack, "stride-directory-hash-key-" + region),
            secretArn(stack, "stride-directory-api-secret-" + region));
    JsonNode mail = statements.get(4);
    assertThat(strings(mail.path("actions"))).containsExactly("ses:SendEmail");
    assertThat(strings(mail.path("resources")))
        .containsExactly(
            stack.ref("aws_sesv2_email_identity", stack.only("aws_sesv2_email_identity"), "arn"),
            stack.ref(
                "aws_sesv2_configuration_set", stack.only("aws_sesv2_configuration_set"), "arn"));
    assertThat(mail.path("condition").values())
        .extracting(
            c ->
                c.path("test").asString()
                    + " "
                    + c.path("variable").asString()
                    + "="
                    + strings(c.path("values")))
        .containsExactly(
            "StringEquals ses:FromAddress=[no-reply@stride.app]",
            "StringEquals ses:FromDisplayName=[Stride]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void scheduleRoles_getOnlyWhatTheirWorkAndTheWiringNeed(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    String tableArn = stack.ref("aws_dynamodb_table", authTable(stack, region), "arn");

    JsonNode rotation = roleStatements(stack, "stride-auth-key-rotation-" + region);
    JsonNode relay = roleStatements(stack, "stride-auth-deletion-relay-" + region);

    assertThat(rotation.values().stream().map(s -> s.path("sid").asString()))
        .containsExactly("AuthTable", "RegionKey", "AuthSecrets", "Logs");
    assertThat(relay.values().stream().map(s -> s.path("sid").asString()))
        .containsExactly("AuthTable", "Events", "RegionKey", "AuthSecrets", "Logs");
    assertThat(strings(rotation.get(0).path("resources"))).containsExactly(tableArn);
    assertThat(strings(relay.get(0).path("resources"))).containsExactly(tableArn);
    assertThat(strings(relay.get(1).path("resources")))
        .containsExactly(eventsQueueArn(stack, region));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void mail_hasARegionalConfigurationSet_andTheSendersDomainIdentityUsingIt(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode set = stack.only("aws_sesv2_configuration_set");
    JsonNode identity = stack.only("aws_sesv2_email_identity");

    assertThat(set.path("configuration_set_name").asString()).isEqualTo("stride-auth-" + region);
    assertThat(set.at("/delivery_options/tls_policy").asString()).isEqualTo("REQUIRE");
    assertThat(set.at("/reputation_options/reputation_metrics_enabled").asBoolean()).isTrue();
    assertThat(strings(set.at("/suppression_options/suppressed_reasons")))
        .containsExactly("BOUNCE", "COMPLAINT");
    assertThat(identity.path("email_identity").asString()).isEqualTo("stride.app");
    assertThat(identity.path("configuration_set_name").asString())
        .isEqualTo(stack.ref("aws_sesv2_configuration_set", set, "configuration_set_name"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void authSecrets_arePerRegion_encryptedWithTheRegionsKey_withoutAValue(String region) {
    TfStack stack = SynthesizedStacks.region(region);

    for (String name :
        new String[] {
          "stride-directory-hash-key-" + region, "stride-directory-api-secret-" + region
        }) {
      JsonNode secret = stack.named("aws_secretsmanager_secret", "name", name);
      assertThat(secret.path("kms_key_id").asString()).isEqualTo(keyArn(stack));
    }
    assertThat(stack.resourceTypes()).doesNotContain("aws_secretsmanager_secret_version");
    assertThat(strings(stack.root().at("/output/auth_secret_names/value")))
        .containsExactly(
            secretName(stack, "stride-directory-hash-key-" + region),
            secretName(stack, "stride-directory-api-secret-" + region));
  }

  private static void assertSharedEnvironment(TfStack stack, String region, JsonNode env) {
    assertThat(env.path("STRIDE_REGION").asString()).isEqualTo(region);
    assertThat(env.path("STRIDE_AUTH_TABLE").asString())
        .isEqualTo(stack.ref("aws_dynamodb_table", authTable(stack, region), "name"));
    assertThat(env.path("STRIDE_EVENTS_QUEUE_URL").asString())
        .isEqualTo(
            stack.ref(
                "aws_sqs_queue",
                stack.named("aws_sqs_queue", "name", "stride-profile-events-" + region),
                "url"));
    assertThat(env.path("STRIDE_JWT_ISSUER").asString()).isEqualTo("https://auth.stride.app");
    assertThat(env.path("STRIDE_JWT_AUDIENCE").asString()).isEqualTo("stride-mobile");
    assertThat(env.path("STRIDE_PUBLIC_URL").asString()).isEqualTo("https://stride.app");
    assertThat(env.path("STRIDE_MAIL_FROM").asString()).isEqualTo("Stride <no-reply@stride.app>");
    assertThat(env.path("STRIDE_SES_CONFIGURATION_SET").asString())
        .isEqualTo(
            stack.ref(
                "aws_sesv2_configuration_set",
                stack.only("aws_sesv2_configuration_set"),
                "configuration_set_name"));
    assertThat(env.path("STRIDE_DIRECTORY_URL").asString())
        .isEqualTo("https://directory.stride.app");
    assertThat(env.path("STRIDE_DIRECTORY_SECRET_ARN").asString())
        .isEqualTo(secretArn(stack, "stride-directory-hash-key-" + region));
    assertThat(env.path("STRIDE_DIRECTORY_API_SECRET_ARN").asString())
        .isEqualTo(secretArn(stack, "stride-directory-api-secret-" + region));
  }

  private static JsonNode roleStatements(TfStack stack, String functionName) {
    JsonNode role = stack.named("aws_iam_role", "name", functionName);
    assertThat(function(stack, functionName).path("role").asString())
        .isEqualTo(stack.ref("aws_iam_role", role, "arn"));
    return stack.inlinePolicyStatements(role);
  }

  private static JsonNode function(TfStack stack, String name) {
    return stack.named("aws_lambda_function", "function_name", name);
  }

  private static JsonNode authTable(TfStack stack, String region) {
    return stack.named("aws_dynamodb_table", "name", "stride-auth-" + region);
  }

  private static String keyArn(TfStack stack) {
    return stack.ref("aws_kms_key", stack.regionKey(), "arn");
  }

  private static String eventsQueueArn(TfStack stack, String region) {
    return stack.ref(
        "aws_sqs_queue",
        stack.named("aws_sqs_queue", "name", "stride-profile-events-" + region),
        "arn");
  }

  private static String secretArn(TfStack stack, String name) {
    return stack.ref(
        "aws_secretsmanager_secret", stack.named("aws_secretsmanager_secret", "name", name), "arn");
  }

  private static String secretName(TfStack stack, String name) {
    return stack.ref(
        "aws_secretsmanager_secret",
        stack.named("aws_secretsmanager_secret", "name", name),
        "name");
  }
}
