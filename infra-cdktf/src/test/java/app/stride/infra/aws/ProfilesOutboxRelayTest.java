package app.stride.infra.aws;

import static app.stride.infra.TfStack.strings;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The scheduled outbox relay of each AWS region, as {@code ProfilesAwsApplication} expects it. */
class ProfilesOutboxRelayTest {

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void relay_runsTheScheduleBeanOfTheProfilesJar_onTheRegionsTableAndQueue(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode relay = relay(stack, region);
    JsonNode http =
        stack.named("aws_lambda_function", "function_name", "stride-profiles-" + region);
    JsonNode variables = relay.at("/environment/variables");

    assertThat(relay.path("handler").asString()).isEqualTo(http.path("handler").asString());
    assertThat(relay.path("filename").asString()).isEqualTo(http.path("filename").asString());
    assertThat(relay.path("runtime").asString()).isEqualTo("java17");
    assertThat(relay.path("timeout").asInt()).isEqualTo(60);
    assertThat(variables.path("MAIN_CLASS").asString())
        .isEqualTo("app.stride.profiles.aws.ProfilesAwsApplication");
    assertThat(variables.path("SPRING_CLOUD_FUNCTION_DEFINITION").asString())
        .isEqualTo("profilesOutboxRelaySchedule");
    assertThat(variables.path("STRIDE_REGION").asString()).isEqualTo(region);
    assertThat(variables.path("STRIDE_PROFILES_TABLE").asString())
        .isEqualTo(stack.ref("aws_dynamodb_table", profilesTable(stack, region), "name"));
    assertThat(variables.path("STRIDE_EVENTS_QUEUE_URL").asString())
        .isEqualTo(
            stack.ref(
                "aws_sqs_queue",
                stack.named("aws_sqs_queue", "name", "stride-profile-events-" + region),
                "url"));
    assertThat(variables.propertyNames())
        .as("the relay serves no HTTP and reads no cursor")
        .noneMatch(name -> name.startsWith("STRIDE_JWT") || name.startsWith("STRIDE_CURSOR"));
    assertThat(relay.has("snap_start")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void schedule_firesEveryMinute_withoutFlexibleWindow_atTheRelay(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode schedule = relaySchedule(stack);
    JsonNode group = stack.only("aws_scheduler_schedule_group");
    JsonNode target = schedule.path("target");

    assertThat(group.path("name").asString()).isEqualTo("stride-" + region);
    assertThat(schedule.path("name").asString()).isEqualTo("profiles-outbox-relay");
    assertThat(schedule.path("group_name").asString())
        .isEqualTo(stack.ref("aws_scheduler_schedule_group", group, "name"));
    assertThat(schedule.path("schedule_expression").asString()).isEqualTo("rate(1 minute)");
    assertThat(schedule.at("/flexible_time_window/mode").asString()).isEqualTo("OFF");
    assertThat(schedule.path("state").asString()).isEqualTo("ENABLED");
    assertThat(target.path("arn").asString())
        .isEqualTo(stack.ref("aws_lambda_function", relay(stack, region), "arn"));
    assertThat(target.at("/retry_policy/maximum_retry_attempts").asInt()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void scheduleInput_isAScheduledEvent_whoseResourceIsTheScheduleArn(String region) {
    JsonNode target = relaySchedule(SynthesizedStacks.region(region)).path("target");

    JsonNode input = JsonMapper.shared().readTree(target.path("input").asString());

    assertThat(input.path("id").asString()).isEqualTo("<aws.scheduler.execution-id>");
    assertThat(input.path("time").asString()).isEqualTo("<aws.scheduler.scheduled-time>");
    assertThat(strings(input.path("resources"))).containsExactly("<aws.scheduler.schedule-arn>");
    assertThat(input.path("source").asString()).isEqualTo("aws.scheduler");
    assertThat(input.path("detail-type").asString()).isEqualTo("Scheduled Event");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void schedulerRole_isAssumableByThisAccountsScheduler_andMayInvokeOnlyTheRelay(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode role =
        stack.named(
            "aws_iam_role", "name", "stride-profiles-outbox-relay-" + region + "-scheduler");
    JsonNode trust =
        stack.policyDocument(role.path("assume_role_policy").asString()).path("statement");
    JsonNode statements = stack.inlinePolicyStatements(role);

    assertThat(relaySchedule(stack).at("/target/role_arn").asString())
        .isEqualTo(stack.ref("aws_iam_role", role, "arn"));
    assertThat(trust.values()).hasSize(1);
    assertThat(strings(trust.get(0).at("/principals/0/identifiers")))
        .containsExactly("scheduler.amazonaws.com");
    assertThat(trust.get(0).at("/condition/0/variable").asString()).isEqualTo("aws:SourceAccount");
    assertThat(statements.values()).hasSize(1);
    assertThat(strings(statements.get(0).path("actions"))).containsExactly("lambda:InvokeFunction");
    assertThat(strings(statements.get(0).path("resources")))
        .containsExactly(stack.ref("aws_lambda_function", relay(stack, region), "arn"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void relayRole_grantsItemWrites_outboxIndexQuery_queueSend_keyUse_andLogging(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode relay = relay(stack, region);
    JsonNode role = stack.named("aws_iam_role", "name", "stride-profiles-outbox-relay-" + region);
    JsonNode statements = stack.inlinePolicyStatements(role);
    String tableArn = stack.ref("aws_dynamodb_table", profilesTable(stack, region), "arn");

    assertThat(relay.path("role").asString()).isEqualTo(stack.ref("aws_iam_role", role, "arn"));
    assertThat(statements.values().stream().map(s -> s.path("sid").asString()))
        .containsExactly("ProfilesTable", "OutboxIndex", "ProfileEvents", "RegionKey", "Logs");
    assertThat(strings(statements.get(0).path("actions")))
        .containsExactly("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem");
    assertThat(strings(statements.get(0).path("resources"))).containsExactly(tableArn);
    assertThat(strings(statements.get(1).path("actions"))).containsExactly("dynamodb:Query");
    assertThat(strings(statements.get(1).path("resources")))
        .containsExactly(tableArn + "/index/outbox");
    assertThat(strings(statements.get(2).path("resources")))
        .containsExactly(
            stack.ref(
                "aws_sqs_queue",
                stack.named("aws_sqs_queue", "name", "stride-profile-events-" + region),
                "arn"));
    assertThat(strings(statements.get(3).path("resources")))
        .containsExactly(stack.ref("aws_kms_key", stack.regionKey(), "arn"));
    assertThat(strings(statements.get(4).path("resources")))
        .containsExactly(
            stack.ref(
                    "aws_cloudwatch_log_group",
                    stack.named(
                        "aws_cloudwatch_log_group",
                        "name",
                        "/aws/lambda/stride-profiles-outbox-relay-" + region),
                    "arn")
                + ":*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void failedTicks_areNotRetried_butRaiseTheRelaysErrorAlarm(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode async =
        stack.named(
            "aws_lambda_function_event_invoke_config",
            "function_name",
            stack.ref("aws_lambda_function", relay(stack, region), "function_name"));
    JsonNode alarm =
        stack.named(
            "aws_cloudwatch_metric_alarm",
            "alarm_name",
            "stride-profiles-outbox-relay-" + region + "-errors");

    assertThat(async.path("function_name").asString())
        .isEqualTo(stack.ref("aws_lambda_function", relay(stack, region), "function_name"));
    assertThat(async.path("maximum_retry_attempts").asInt()).isZero();
    assertThat(async.path("maximum_event_age_in_seconds").asInt()).isEqualTo(60);
    assertThat(alarm.at("/dimensions/FunctionName").asString())
        .isEqualTo("stride-profiles-outbox-relay-" + region);
    assertThat(alarm.path("metric_name").asString()).isEqualTo("Errors");
  }

  private static JsonNode relaySchedule(TfStack stack) {
    return stack.named("aws_scheduler_schedule", "name", "profiles-outbox-relay");
  }

  private static JsonNode profilesTable(TfStack stack, String region) {
    return stack.named("aws_dynamodb_table", "name", "stride-profiles-" + region);
  }

  private static JsonNode relay(TfStack stack, String region) {
    return stack.named(
        "aws_lambda_function", "function_name", "stride-profiles-outbox-relay-" + region);
  }
}
