package app.stride.infra.aws;

import static app.stride.infra.TfStack.strings;
import static app.stride.infra.aws.DevicesAwsTest.alarmTopic;
import static app.stride.infra.aws.DevicesAwsTest.function;
import static app.stride.infra.aws.DevicesAwsTest.grantsByResource;
import static app.stride.infra.aws.DevicesAwsTest.key;
import static app.stride.infra.aws.DevicesAwsTest.keyPolicy;
import static app.stride.infra.aws.DevicesAwsTest.roleArn;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.FunctionLimits;
import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The devices eraser's follow-up sweep ({@link Capabilities#DEVICES_ERASURE_SWEEP}) in every AWS
 * region ({@link SubscriberSweep}): its Lambda, run like the eraser, its schedule, and the eraser's
 * store grants plus querying the outbox index, nothing else.
 */
class ErasureSweepAwsTest {

  private static final EnvConfig ENV = SynthesizedStacks.config();

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void sweep_runsItsScheduleBean_withTheErasersJarTimeMemoryAndEnvironment_oneAtATime(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    String name = sweepName(region);
    JsonNode sweep = function(stack, name);
    JsonNode eraser = function(stack, eraserName(region));
    Map<String, String> sweepEnv = variables(sweep);
    Map<String, String> eraserEnv = variables(eraser);

    assertThat(name).isEqualTo("stride-devices-eraser-sweep-" + regionId);
    assertThat(sweep.path("filename").asString()).isEqualTo(eraser.path("filename").asString());
    assertThat(sweep.path("handler").asString()).isEqualTo(eraser.path("handler").asString());
    assertThat(sweepEnv.get("MAIN_CLASS"))
        .isEqualTo(eraserEnv.get("MAIN_CLASS"))
        .isEqualTo("app.stride.devices.aws.DevicesAwsApplication");
    assertThat(sweepEnv.get("SPRING_CLOUD_FUNCTION_DEFINITION"))
        .isEqualTo("devicesErasureSweepSchedule");
    // Everything else of the environment is the eraser's: same context, same stores.
    sweepEnv.remove("SPRING_CLOUD_FUNCTION_DEFINITION");
    eraserEnv.remove("SPRING_CLOUD_FUNCTION_DEFINITION");
    assertThat(sweepEnv).isEqualTo(eraserEnv).containsKey("STRIDE_DEVICES_BUCKET");
    assertThat(sweep.path("timeout").asInt())
        .isEqualTo(eraser.path("timeout").asInt())
        .isEqualTo(300);
    assertThat(sweep.path("memory_size").asInt()).isEqualTo(eraser.path("memory_size").asInt());
    assertThat(sweep.path("reserved_concurrent_executions").asInt())
        .isEqualTo(FunctionLimits.SCHEDULED)
        .isEqualTo(1);
    assertThat(sweep.has("snap_start")).isFalse();
    assertThat(sweep.path("role").asString())
        .isEqualTo(roleArn(stack, name))
        .isNotEqualTo(eraser.path("role").asString());
    // Ticks only: no queue feeds it.
    assertThat(stack.resources("aws_lambda_event_source_mapping").values())
        .noneMatch(
            m ->
                m.path("function_name")
                    .asString()
                    .equals(stack.ref("aws_lambda_function", sweep, "arn")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void schedule_firesEveryFifteenMinutes_inTheRegionsGroup_atTheSweep_withoutRetries(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    JsonNode sweep = function(stack, sweepName(region));
    JsonNode schedule = schedule(stack);
    JsonNode target = schedule.path("target");
    JsonNode async =
        stack.named(
            "aws_lambda_function_event_invoke_config",
            "function_name",
            stack.ref("aws_lambda_function", sweep, "function_name"));

    assertThat(schedule.path("group_name").asString())
        .isEqualTo(
            stack.ref(
                "aws_scheduler_schedule_group",
                stack.only("aws_scheduler_schedule_group"),
                "name"));
    assertThat(schedule.path("schedule_expression").asString()).isEqualTo("rate(15 minutes)");
    assertThat(schedule.at("/flexible_time_window/mode").asString()).isEqualTo("OFF");
    assertThat(schedule.path("state").asString()).isEqualTo("ENABLED");
    assertThat(target.path("arn").asString())
        .isEqualTo(stack.ref("aws_lambda_function", sweep, "arn"));
    assertThat(target.at("/retry_policy/maximum_retry_attempts").asInt()).isZero();
    assertThat(target.path("input").asString()).contains("<aws.scheduler.schedule-arn>");
    assertThat(async.path("maximum_retry_attempts").asInt()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void schedulerRole_isAssumableByThisAccountsScheduler_andMayInvokeOnlyTheSweep(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    JsonNode role = stack.named("aws_iam_role", "name", sweepName(region) + "-scheduler");
    JsonNode trust =
        stack.policyDocument(role.path("assume_role_policy").asString()).path("statement");

    assertThat(schedule(stack).at("/target/role_arn").asString())
        .isEqualTo(stack.ref("aws_iam_role", role, "arn"));
    assertThat(strings(trust.at("/0/principals/0/identifiers")))
        .containsExactly("scheduler.amazonaws.com");
    assertThat(grantsByResource(stack, sweepName(region) + "-scheduler"))
        .containsExactlyEntriesOf(
            Map.of(
                stack.ref("aws_lambda_function", function(stack, sweepName(region)), "arn"),
                List.of("lambda:InvokeFunction")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void sweepRole_hasTheErasersStoreGrants_plusQueryOnTheOutboxIndexOnly_notItsQueue(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    String table =
        stack.ref(
            "aws_dynamodb_table",
            stack.named("aws_dynamodb_table", "name", "stride-devices-" + regionId),
            "arn");
    String eraserQueue =
        stack.ref("aws_sqs_queue", stack.named("aws_sqs_queue", "name", eraserName(region)), "arn");
    Map<String, List<String>> sweep = storeGrants(stack, sweepName(region));
    Map<String, List<String>> expected = storeGrants(stack, eraserName(region));
    expected.remove(eraserQueue);
    expected.put(table + "/index/outbox", List.of("dynamodb:Query"));

    assertThat(sweep).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(sweep.get(table)).isEqualTo(EventSubscriber.DEVICES_ERASER_TABLE_ACTIONS);
    assertThat(sweep.keySet())
        .filteredOn(r -> r.contains("/index/"))
        .containsExactly(table + "/index/outbox");
    assertThat(sweep).doesNotContainKey(eraserQueue);
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void sweepRole_listsTheErasersUserFoldersOnly_andUsesNoDevicesKey(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    String sweepRole = roleArn(stack, sweepName(region));

    assertThat(listPrefixes(stack, sweepName(region)))
        .isEqualTo(listPrefixes(stack, eraserName(region)))
        .isEqualTo(EventSubscriber.DEVICES_ERASER_PREFIXES)
        .containsExactly("originals/*", "samples/*");
    for (String alias :
        List.of(
            "alias/stride-devices-objects-" + regionId,
            "alias/stride-devices-tokens-" + regionId)) {
      assertThat(storeGrants(stack, sweepName(region)))
          .doesNotContainKey(stack.ref("aws_kms_key", key(stack, alias), "arn"));
      assertThat(keyPolicy(stack, key(stack, alias)).toString()).doesNotContain(sweepRole);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void aFailingOrThrottledSweep_raisesItsAlarms_onTheRegionsAlarmTopic(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();

    for (String metric : List.of("Errors", "Throttles")) {
      JsonNode alarm =
          stack.named(
              "aws_cloudwatch_metric_alarm",
              "alarm_name",
              sweepName(region) + "-" + metric.toLowerCase(Locale.ROOT));
      assertThat(alarm.path("metric_name").asString()).isEqualTo(metric);
      assertThat(alarm.at("/dimensions/FunctionName").asString()).isEqualTo(sweepName(region));
      assertThat(strings(alarm.path("alarm_actions"))).containsExactly(alarmTopic(stack, regionId));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void theProfilesEraser_hasNoSweep_theDevicesSweepIsTheOnlyOne(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();

    assertThat(Capabilities.PROFILES_ERASER.sweep()).isEmpty();
    assertThat(stack.resources("aws_lambda_function").values())
        .extracting(fn -> fn.path("function_name").asString())
        .filteredOn(n -> n.contains("-sweep-"))
        .containsExactly(sweepName(region))
        .doesNotContain(region.subscriberSweepFunctionName("profiles", "eraser"));
  }

  private static String sweepName(RegionConfig region) {
    return region.subscriberSweepFunctionName("devices", "eraser");
  }

  private static String eraserName(RegionConfig region) {
    return region.subscriberFunctionName("devices", "eraser");
  }

  private static JsonNode schedule(TfStack stack) {
    return stack.named("aws_scheduler_schedule", "name", "devices-erasure-sweep");
  }

  /** A role's grants by resource, but its log group's. */
  private static Map<String, List<String>> storeGrants(TfStack stack, String roleName) {
    Map<String, List<String>> grants = grantsByResource(stack, roleName);
    grants.keySet().removeIf(r -> r.startsWith("${aws_cloudwatch_log_group."));
    return grants;
  }

  /** The {@code s3:prefix} values of a role's listing of the devices bucket. */
  private static List<String> listPrefixes(TfStack stack, String roleName) {
    String bucket = stack.ref("aws_s3_bucket", stack.only("aws_s3_bucket"), "arn");
    JsonNode list =
        stack
            .inlinePolicyStatements(stack.named("aws_iam_role", "name", roleName))
            .values()
            .stream()
            .filter(s -> strings(s.path("resources")).contains(bucket))
            .findFirst()
            .orElseThrow();
    assertThat(strings(list.path("actions"))).containsExactly("s3:ListBucket");
    assertThat(list.at("/condition/0/test").asString()).isEqualTo("StringLike");
    assertThat(list.at("/condition/0/variable").asString()).isEqualTo("s3:prefix");
    return strings(list.at("/condition/0/values"));
  }

  private static Map<String, String> variables(JsonNode fn) {
    Map<String, String> env = new LinkedHashMap<>();
    fn.at("/environment/variables")
        .properties()
        .forEach(e -> env.put(e.getKey(), e.getValue().asString()));
    return env;
  }
}
