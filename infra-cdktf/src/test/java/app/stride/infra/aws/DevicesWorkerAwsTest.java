package app.stride.infra.aws;

import static app.stride.infra.TfStack.strings;
import static app.stride.infra.aws.DevicesAwsTest.assertKeysRotate_usableOnlyBy;
import static app.stride.infra.aws.DevicesAwsTest.assertNoOtherRoleNamesTheDevicesResources;
import static app.stride.infra.aws.DevicesAwsTest.assertOnlyGetTheDevicesResources;
import static app.stride.infra.aws.DevicesAwsTest.assertUseOnlyTheirBucketAndKeys;
import static app.stride.infra.aws.DevicesAwsTest.assertWorkQueue;
import static app.stride.infra.aws.DevicesAwsTest.function;
import static app.stride.infra.aws.DevicesAwsTest.grantsByResource;
import static app.stride.infra.aws.DevicesAwsTest.roleArn;
import static app.stride.infra.aws.DevicesAwsTest.workQueue;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.RegionShares;
import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The devices worker ({@link Capabilities#DEVICES_WORKER}) in every AWS region: its Lambda and SQS
 * event source, its role beside the HTTP function's on the devices keys, bucket and queue, its
 * share of Strava's limits.
 */
class DevicesWorkerAwsTest {

  private static final EnvConfig ENV = SynthesizedStacks.config();

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void devicesKeys_areUsableByTheHttpAndWorkerRolesOnly(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();

    assertKeysRotate_usableOnlyBy(
        stack,
        region,
        List.of(
            roleArn(stack, region.functionName("devices")),
            roleArn(stack, region.workerFunctionName("devices"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void httpFunctionAndWorker_getTheBucketKeysAndQueue_theEraserTheBucketAndQueue_noOtherFunction(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();

    assertOnlyGetTheDevicesResources(
        stack,
        region,
        List.of(region.functionName("devices"), region.workerFunctionName("devices")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void httpRole_mayOnlySendToTheWorkQueue_theWorkerOnlyReceive_bothUseOnlyTheirBucketAndKeys(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    List<String> roles =
        List.of(region.functionName("devices"), region.workerFunctionName("devices"));
    String queue = stack.ref("aws_sqs_queue", workQueue(stack, regionId), "arn");
    Map<String, List<String>> http = grantsByResource(stack, region.functionName("devices"));
    Map<String, List<String>> worker =
        grantsByResource(stack, region.workerFunctionName("devices"));

    assertUseOnlyTheirBucketAndKeys(stack, region, roles);
    assertThat(http.get(queue)).containsExactly("sqs:SendMessage");
    assertThat(worker.get(queue))
        .containsExactlyInAnyOrder(
            "sqs:ReceiveMessage",
            "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility",
            "sqs:GetQueueAttributes");
    // The eraser's and its sweep's roles name the bucket and the queue too: their exact grants
    // are in SubscribersAwsTest and ErasureSweepAwsTest.
    assertNoOtherRoleNamesTheDevicesResources(
        stack,
        region,
        List.of(
            region.functionName("devices"),
            region.workerFunctionName("devices"),
            region.subscriberFunctionName("devices", "eraser"),
            region.subscriberSweepFunctionName("devices", "eraser")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void workerRole_mayUpdateItemsOfTheDevicesTable_forTheSharedStravaCallCounter(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    String table =
        stack.ref(
            "aws_dynamodb_table",
            stack.named("aws_dynamodb_table", "name", "stride-devices-" + regionId),
            "arn");

    // One conditional UpdateItem per counted call on the CALLS#<window> / COUNT items.
    assertThat(grantsByResource(stack, region.workerFunctionName("devices")).get(table))
        .contains("dynamodb:UpdateItem", "dynamodb:GetItem");
  }

  @Test
  void everyRegionsWorker_getsItsShareOfStravasLimits_positive_summingToAtMostOne() {
    Map<String, String> shares = RegionShares.ofDevicesWorkers();

    RegionShares.assertPositive_summingToAtMostOne(shares);
    // The AWS regions among them (apac: DevicesWorkerGcpTest), each worker's own variable.
    for (String regionId : List.of("eu", "us")) {
      TfStack stack = SynthesizedStacks.region(regionId);
      RegionConfig region = ENV.region(regionId).orElseThrow();
      assertThat(
              function(stack, region.workerFunctionName("devices"))
                  .at("/environment/variables/" + Capabilities.STRAVA_BUDGET_SHARE_ENV)
                  .asString())
          .isEqualTo(shares.get(regionId))
          .isEqualTo("0.333333");
      // The HTTP function fetches no activity from a provider: no share.
      assertThat(
              function(stack, region.functionName("devices"))
                  .at("/environment/variables")
                  .has(Capabilities.STRAVA_BUDGET_SHARE_ENV))
          .isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void workQueue_outlastsSixWorkerTimeouts_keepsMessages14Days_deadLettersWithAnAlarm(
      String regionId) {
    assertThat(Capabilities.DEVICES_WORKER.timeoutSeconds()).isEqualTo(540);
    assertWorkQueue(
        SynthesizedStacks.region(regionId),
        regionId,
        6 * Capabilities.DEVICES_WORKER.timeoutSeconds());
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void worker_runsDevicesWorkerQueue_fromTheDevicesJar_cappedByConfig_fedOneMessageAtATime(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    JsonNode worker = function(stack, region.workerFunctionName("devices"));
    JsonNode source =
        stack.named(
            "aws_lambda_event_source_mapping",
            "function_name",
            stack.ref("aws_lambda_function", worker, "arn"));
    int cap = ENV.scaling().workerMaxConcurrency("devices");

    assertThat(worker.path("filename").asString()).endsWith(ENV.artifacts().awsJar("devices"));
    assertThat(worker.at("/environment/variables/MAIN_CLASS").asString())
        .isEqualTo("app.stride.devices.aws.DevicesAwsApplication");
    assertThat(worker.at("/environment/variables/SPRING_CLOUD_FUNCTION_DEFINITION").asString())
        .isEqualTo("devicesWorkerQueue");
    assertThat(worker.path("timeout").asInt()).isEqualTo(540);
    assertThat(worker.path("memory_size").asInt()).isEqualTo(3072);
    assertThat(worker.path("reserved_concurrent_executions").asInt()).isEqualTo(cap);
    assertThat(worker.has("snap_start")).isFalse();
    assertThat(source.path("event_source_arn").asString())
        .isEqualTo(stack.ref("aws_sqs_queue", workQueue(stack, regionId), "arn"));
    assertThat(source.path("function_name").asString())
        .isEqualTo(stack.ref("aws_lambda_function", worker, "arn"));
    assertThat(source.path("batch_size").asInt()).isEqualTo(1);
    assertThat(strings(source.path("function_response_types")))
        .containsExactly("ReportBatchItemFailures");
    assertThat(source.at("/scaling_config/maximum_concurrency").asInt()).isEqualTo(cap);
    // Its own role: it is not the HTTP function's.
    assertThat(worker.path("role").asString())
        .isEqualTo(roleArn(stack, region.workerFunctionName("devices")))
        .isNotEqualTo(roleArn(stack, region.functionName("devices")));
  }
}
