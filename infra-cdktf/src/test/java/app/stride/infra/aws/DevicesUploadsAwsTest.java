package app.stride.infra.aws;

import static app.stride.infra.aws.DevicesAwsTest.function;
import static app.stride.infra.aws.DevicesAwsTest.grantsByResource;
import static app.stride.infra.aws.DevicesAwsTest.workQueue;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * What the deployed upload path needs in every AWS region: the HTTP function's role may sign
 * uploads into the bucket and see that one is missing; the worker has the time and memory of a
 * large file; the work queue hides a message longer than the worker may take.
 */
class DevicesUploadsAwsTest {

  private static final EnvConfig ENV = SynthesizedStacks.config();

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void httpRole_maySignUploadsIntoTheBucket_andTellAMissingObjectFromAForbiddenOne(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    String bucket = stack.ref("aws_s3_bucket", stack.only("aws_s3_bucket"), "arn");
    List<String> onObjects =
        grantsByResource(stack, region.functionName("devices")).get(bucket + "/*");
    List<String> onBucket = grantsByResource(stack, region.functionName("devices")).get(bucket);

    // A presigned PUT is made with the signer's rights: originals/<user>/<importId> is under /*.
    assertThat(onObjects).contains("s3:PutObject", "s3:GetObject");
    assertThat(onBucket).containsExactly("s3:ListBucket");
    // The function passes the bucket and its key, so the signed headers name the key.
    JsonNode http = function(stack, region.functionName("devices"));
    assertThat(http.at("/environment/variables/STRIDE_DEVICES_BUCKET").asString())
        .isEqualTo(stack.ref("aws_s3_bucket", stack.only("aws_s3_bucket"), "bucket"));
    assertThat(http.at("/environment/variables/STRIDE_DEVICES_KMS_KEY_ID").asString())
        .startsWith("${aws_kms_key.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void worker_hasTheTimeAndMemoryOfALargeUpload_oneMessagePerInvocation(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    JsonNode worker = function(stack, region.workerFunctionName("devices"));

    assertThat(worker.path("timeout").asInt())
        .isEqualTo(Capabilities.DEVICES_WORKER.timeoutSeconds())
        .isEqualTo(540);
    assertThat(worker.path("memory_size").asInt())
        .isEqualTo(Capabilities.DEVICES_WORKER.memoryMb())
        .isEqualTo(3072);
    assertThat(
            stack
                .named(
                    "aws_lambda_event_source_mapping",
                    "function_name",
                    stack.ref("aws_lambda_function", worker, "arn"))
                .path("batch_size")
                .asInt())
        .isEqualTo(1);
    // The HTTP function only announces and signs: it keeps the request-sized limits.
    assertThat(function(stack, region.functionName("devices")).path("memory_size").asInt())
        .isEqualTo(CapabilityLambda.MEMORY_MB);
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void workQueue_hidesAMessageLongerThanTheWorkerMayTakeOnIt(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = ENV.region(regionId).orElseThrow();
    int visibility = workQueue(stack, regionId).path("visibility_timeout_seconds").asInt();
    int workerTimeout =
        function(stack, region.workerFunctionName("devices")).path("timeout").asInt();

    assertThat(visibility).isGreaterThanOrEqualTo(workerTimeout).isEqualTo(6 * 540);
    assertThat(visibility).as("SQS allows at most 12 hours").isLessThanOrEqualTo(12 * 3600);
  }
}
