package app.stride.infra.gcp;

import static app.stride.infra.gcp.DevicesGcpTest.APAC;
import static app.stride.infra.gcp.DevicesGcpTest.PUBSUB_AGENT;
import static app.stride.infra.gcp.DevicesGcpTest.assertOnlyGetTheDevicesVariables;
import static app.stride.infra.gcp.DevicesGcpTest.assertOnlyTheseAccountsUseTheDevicesResources;
import static app.stride.infra.gcp.DevicesGcpTest.assertWorkTopicAndDeadLetters;
import static app.stride.infra.gcp.DevicesGcpTest.delivery;
import static app.stride.infra.gcp.DevicesGcpTest.function;
import static app.stride.infra.gcp.DevicesGcpTest.member;
import static app.stride.infra.gcp.DevicesGcpTest.topic;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.FixtureStacks;
import app.stride.infra.TfStack;
import app.stride.infra.config.EnvConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A work topic's worker in the GCP region, on {@link FixtureStacks} where devices declares the
 * worker it will have ({@link FixtureStacks#DEVICES_WORKER}): the push subscription through a
 * dedicated invoker, the worker function and its account beside the HTTP function's.
 */
class DevicesWorkerGcpTest {

  private static final EnvConfig ENV = FixtureStacks.config();

  private final TfStack stack = FixtureStacks.region("apac");

  @Test
  void httpAndWorkerAccounts_mayUseObjectsAndTheTokensKey_onlyTheHttpAccountPublishesWork() {
    assertOnlyTheseAccountsUseTheDevicesResources(
        stack,
        List.of(
            member(stack, APAC.functionName("devices")),
            member(stack, APAC.workerFunctionName("devices"))));
  }

  @Test
  void workTopic_pushesToTheWorker_withADedicatedInvokersToken_andDeadLettersAfterFiveAttempts() {
    JsonNode delivery = delivery(stack);
    JsonNode worker = function(stack, APAC.workerFunctionName("devices"));
    JsonNode invoker =
        stack.named("google_service_account", "account_id", "stride-devices-push-apac");
    String workerUri =
        stack.ref("google_cloudfunctions2_function", worker, "service_config[0].uri");
    String workerService =
        stack.ref("google_cloudfunctions2_function", worker, "service_config[0].service");

    assertWorkTopicAndDeadLetters(stack);
    assertThat(
            topic(stack, "stride-devices-work-apac").path("message_retention_duration").asString())
        .isEqualTo("1209600s");
    assertThat(delivery.at("/push_config/push_endpoint").asString()).isEqualTo(workerUri);
    assertThat(delivery.at("/push_config/oidc_token/service_account_email").asString())
        .isEqualTo(stack.ref("google_service_account", invoker, "email"));
    assertThat(delivery.at("/push_config/oidc_token/audience").asString()).isEqualTo(workerUri);
    assertThat(delivery.path("ack_deadline_seconds").asInt()).isGreaterThanOrEqualTo(60);
    assertThat(delivery.at("/retry_policy/minimum_backoff").asString()).isEqualTo("10s");
    // Pub/Sub mints the invoker's tokens; nothing more.
    JsonNode mints =
        stack.named(
            "google_service_account_iam_member",
            "service_account_id",
            stack.ref("google_service_account", invoker, "name"));
    assertThat(mints.path("role").asString()).isEqualTo("roles/iam.serviceAccountTokenCreator");
    assertThat(mints.path("member").asString()).isEqualTo(PUBSUB_AGENT);
    // The invoker is the worker's only invoker: no allUsers.
    assertThat(
            stack.resources("google_cloud_run_v2_service_iam_member").values().stream()
                .filter(m -> m.path("name").asString().equals(workerService)))
        .extracting(m -> m.path("role").asString() + " " + m.path("member").asString())
        .containsExactly(
            "roles/run.invoker " + stack.ref("google_service_account", invoker, "member"));
  }

  @Test
  void worker_runsDevicesWorkerFunction_internally_asItsOwnAccount_cappedByConfig() {
    JsonNode worker = function(stack, APAC.workerFunctionName("devices"));
    JsonNode http = function(stack, APAC.functionName("devices"));
    JsonNode service = worker.path("service_config");

    assertThat(worker.at("/build_config/entry_point").asString())
        .isEqualTo("app.stride.devices.gcp.DevicesWorkerFunction");
    assertThat(worker.at("/build_config/source/storage_source/object").asString())
        .isEqualTo(http.at("/build_config/source/storage_source/object").asString());
    assertThat(service.path("ingress_settings").asString()).isEqualTo("ALLOW_INTERNAL_ONLY");
    assertThat(service.path("timeout_seconds").asInt()).isEqualTo(60);
    assertThat(service.path("max_instance_count").asInt())
        .isEqualTo(ENV.scaling().workerMaxConcurrency("devices"));
    assertThat(service.path("max_instance_request_concurrency").asInt()).isEqualTo(1);
    assertThat(service.path("service_account_email").asString())
        .isEqualTo(
            stack.ref(
                "google_service_account",
                stack.named(
                    "google_service_account", "account_id", APAC.workerFunctionName("devices")),
                "email"));
    assertThat(http.at("/build_config/entry_point").asString())
        .isEqualTo("app.stride.devices.gcp.DevicesHttpFunction");
  }

  @Test
  void httpFunctionAndWorker_getBucketTokenKeyAndWorkTopic_andNoOtherFunctionDoes() {
    assertOnlyGetTheDevicesVariables(
        stack, List.of(APAC.functionName("devices"), APAC.workerFunctionName("devices")));
  }
}
