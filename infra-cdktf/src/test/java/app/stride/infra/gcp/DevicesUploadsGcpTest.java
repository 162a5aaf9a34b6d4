package app.stride.infra.gcp;

import static app.stride.infra.gcp.DevicesGcpTest.APAC;
import static app.stride.infra.gcp.DevicesGcpTest.PUBSUB_AGENT;
import static app.stride.infra.gcp.DevicesGcpTest.delivery;
import static app.stride.infra.gcp.DevicesGcpTest.function;
import static app.stride.infra.gcp.DevicesGcpTest.member;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.capability.Capabilities;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the deployed upload path needs in the GCP region: the HTTP function's account may sign V4
 * upload URLs with its own key (IAM Credentials {@code signBlob}), no other account may; the worker
 * has the time and memory of a large file, and the push waits for it.
 */
class DevicesUploadsGcpTest {

  private final TfStack stack = SynthesizedStacks.region("apac");

  @Test
  void onlyTheHttpAccount_maySignWithItsOwnKey_andOnlyOnItself() {
    String httpAccount =
        stack.ref(
            "google_service_account",
            stack.named("google_service_account", "account_id", APAC.functionName("devices")),
            "name");

    assertThat(
            stack.resources("google_service_account_iam_member").values().stream()
                .filter(m -> m.path("role").asString().equals(CapabilityIdentity.SELF_SIGNING_ROLE))
                .filter(m -> !m.path("member").asString().equals(PUBSUB_AGENT)))
        .extracting(
            m -> m.path("service_account_id").asString() + " " + m.path("member").asString())
        .containsExactly(httpAccount + " " + member(stack, APAC.functionName("devices")));
  }

  @Test
  void worker_hasTheTimeAndMemoryOfALargeUpload_andThePushWaitsForIt() {
    JsonNode worker = function(stack, APAC.workerFunctionName("devices"));

    assertThat(worker.at("/service_config/timeout_seconds").asInt())
        .isEqualTo(Capabilities.DEVICES_WORKER.timeoutSeconds())
        .isEqualTo(540);
    assertThat(worker.at("/service_config/available_memory").asString()).isEqualTo("3072Mi");
    assertThat(worker.at("/service_config/available_cpu").asString()).isEqualTo("1");
    assertThat(delivery(stack).path("ack_deadline_seconds").asInt())
        .isGreaterThanOrEqualTo(worker.at("/service_config/timeout_seconds").asInt())
        .isLessThanOrEqualTo(600);
  }
}
