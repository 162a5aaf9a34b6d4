package app.stride.infra.gcp;

import static app.stride.infra.TfStack.strings;
import static app.stride.infra.gcp.DevicesGcpTest.APAC;
import static app.stride.infra.gcp.DevicesGcpTest.function;
import static app.stride.infra.gcp.DevicesGcpTest.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.infra.FunctionLimits;
import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.config.Cloud;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The devices eraser's follow-up sweep ({@link Capabilities#DEVICES_ERASURE_SWEEP}) in the GCP
 * region ({@link SubscriberSweepFunction}): a Cloud Function run as the eraser, triggered by its
 * own Cloud Scheduler topic through a trigger account that may invoke it and nothing else.
 */
class ErasureSweepGcpTest {

  private static final EnvConfig ENV = SynthesizedStacks.config();
  private static final String SWEEP = APAC.subscriberSweepFunctionName("devices", "eraser");
  private static final String ERASER = APAC.subscriberFunctionName("devices", "eraser");
  private static final String TRIGGER = "devices-eraser-ticks-apac";

  private final TfStack stack = SynthesizedStacks.region("apac");

  @Test
  void sweep_runsItsEntryPoint_fromTheDevicesZip_asTheEraser_withItsVariablesTimeAndMemory() {
    JsonNode sweep = function(stack, SWEEP);
    JsonNode eraser = function(stack, ERASER);
    JsonNode http = function(stack, APAC.functionName("devices"));
    JsonNode service = sweep.path("service_config");
    JsonNode eraserService = eraser.path("service_config");

    assertThat(SWEEP).isEqualTo("stride-devices-eraser-sweep-apac");
    assertThat(sweep.at("/build_config/entry_point").asString())
        .isEqualTo("app.stride.devices.gcp.DevicesErasureSweepFunction");
    assertThat(sweep.at("/build_config/source/storage_source/object").asString())
        .isEqualTo(http.at("/build_config/source/storage_source/object").asString());
    assertThat(service.path("service_account_email").asString())
        .isEqualTo(eraserService.path("service_account_email").asString())
        .isEqualTo(
            stack.ref(
                "google_service_account",
                stack.named("google_service_account", "account_id", ERASER),
                "email"));
    assertThat(service.path("environment_variables"))
        .isEqualTo(eraserService.path("environment_variables"));
    assertThat(service.path("environment_variables").has("STRIDE_DEVICES_BUCKET")).isTrue();
    assertThat(service.path("secret_environment_variables").values()).isEmpty();
    assertThat(service.path("timeout_seconds").asInt())
        .isEqualTo(eraserService.path("timeout_seconds").asInt())
        .isEqualTo(300);
    assertThat(service.path("available_memory").asString())
        .isEqualTo(eraserService.path("available_memory").asString());
    assertThat(service.path("max_instance_count").asInt())
        .isEqualTo(FunctionLimits.SCHEDULED)
        .isEqualTo(1);
    assertThat(service.path("max_instance_request_concurrency").asInt()).isEqualTo(1);
    assertThat(service.path("ingress_settings").asString()).isEqualTo("ALLOW_INTERNAL_ONLY");
  }

  @Test
  void schedule_publishesEveryFifteenMinutesUtc_toItsOwnRegionalTopic_triggeringTheSweepOnce() {
    JsonNode job = stack.named("google_cloud_scheduler_job", "name", SWEEP);
    JsonNode topic = stack.named("google_pubsub_topic", "name", SWEEP);
    String topicId = stack.ref("google_pubsub_topic", topic, "id");
    JsonNode trigger = function(stack, SWEEP).path("event_trigger");

    assertThat(job.path("region").asString()).isEqualTo(APAC.location());
    assertThat(job.path("schedule").asString()).isEqualTo("*/15 * * * *");
    assertThat(job.path("time_zone").asString()).isEqualTo("Etc/UTC");
    assertThat(job.at("/pubsub_target/topic_name").asString()).isEqualTo(topicId);
    assertThat(job.at("/pubsub_target/attributes/schedule").asString())
        .isEqualTo("devices-erasure-sweep");
    assertThat(job.at("/retry_config/retry_count").asInt()).isZero();
    assertThat(strings(topic.at("/message_storage_policy/allowed_persistence_regions")))
        .containsExactly(APAC.location());
    assertThat(trigger.path("event_type").asString())
        .isEqualTo("google.cloud.pubsub.topic.v1.messagePublished");
    assertThat(trigger.path("pubsub_topic").asString()).isEqualTo(topicId);
    assertThat(trigger.path("trigger_region").asString()).isEqualTo(APAC.location());
    assertThat(trigger.path("retry_policy").asString()).isEqualTo("RETRY_POLICY_DO_NOT_RETRY");
    assertThat(trigger.path("service_account_email").asString())
        .isEqualTo(
            stack.ref(
                "google_service_account",
                stack.named("google_service_account", "account_id", TRIGGER),
                "email"));
  }

  @Test
  void triggerAccount_isTheOnlyInvokerOfTheSweep_andHoldsNoOtherGrant() {
    String trigger = member(stack, TRIGGER);
    String service =
        stack.ref(
            "google_cloudfunctions2_function", function(stack, SWEEP), "service_config[0].service");

    assertThat(
            stack.resources("google_cloud_run_v2_service_iam_member").values().stream()
                .filter(m -> m.path("name").asString().equals(service))
                .map(m -> m.path("role").asString() + " " + m.path("member").asString()))
        .containsExactly("roles/run.invoker " + trigger);
    assertThat(grantsOf(trigger)).containsExactly("google_cloud_run_v2_service_iam_member");
    assertThat(
            stack.resources("google_cloud_run_v2_service_iam_member").values().stream()
                .filter(m -> m.path("member").asString().equals(trigger))
                .map(m -> m.path("name").asString()))
        .containsExactly(service);
  }

  @Test
  void theErasersAccount_gainsNothingForTheSweep_itsPushInvokerCannotInvokeTheSweep() {
    String invoker = member(stack, "devices-eraser-push-apac");
    String service =
        stack.ref(
            "google_cloudfunctions2_function", function(stack, SWEEP), "service_config[0].service");

    assertThat(grantsOf(member(stack, ERASER)))
        .containsExactlyInAnyOrder(
            "google_project_iam_member",
            "google_pubsub_topic_iam_member",
            "google_storage_bucket_iam_member");
    assertThat(stack.resources("google_cloud_run_v2_service_iam_member").values())
        .noneMatch(
            m ->
                m.path("name").asString().equals(service)
                    && m.path("member").asString().equals(invoker));
  }

  @Test
  void sweep_logsToTheRegionalBucket_andAlertsOnErrors() {
    String sink = stack.only("google_logging_project_sink").path("filter").asString();

    assertThat(sink).contains("\"" + SWEEP + "\"");
    assertThat(stack.named("google_monitoring_alert_policy", "display_name", SWEEP + " errors"))
        .isNotNull();
  }

  @Test
  void theProfilesEraser_hasNoSweep_theDevicesSweepIsTheOnlyOne() {
    assertThat(stack.resources("google_cloudfunctions2_function").values())
        .extracting(fn -> fn.path("name").asString())
        .filteredOn(n -> n.contains("-sweep-"))
        .containsExactly(SWEEP);
    assertThat(stack.resources("google_cloud_scheduler_job").values())
        .extracting(j -> j.path("name").asString())
        .containsExactlyInAnyOrder(
            APAC.authKeyRotationFunctionName(),
            APAC.authDeletionRelayFunctionName(),
            APAC.outboxRelayFunctionName("profiles"),
            APAC.outboxRelayFunctionName("workouts"),
            APAC.outboxRelayFunctionName("devices"),
            SWEEP);
  }

  @Test
  void triggerAccountIds_fitGooglesThirtyCharacters_inEveryGcpRegion() {
    for (RegionConfig region : ENV.regions()) {
      if (region.cloud() == Cloud.GCP) {
        assertThat(
                SubscriberSweepFunction.triggerAccountId(
                    region, Capabilities.DEVICES, Capabilities.DEVICES_ERASER))
            .isEqualTo("devices-eraser-ticks-" + region.id())
            .hasSizeLessThanOrEqualTo(30);
      }
    }
    RegionConfig longId = new RegionConfig("apacsoutheas", Cloud.GCP, "asia-southeast1", "p");
    assertThatThrownBy(
            () ->
                SubscriberSweepFunction.triggerAccountId(
                    longId, Capabilities.DEVICES, Capabilities.DEVICES_ERASER))
        .hasMessageContaining("over 30");
  }

  /** The types of the IAM bindings naming {@code member}, one entry per binding. */
  private List<String> grantsOf(String member) {
    List<String> types = new ArrayList<>();
    for (String type : stack.resourceTypes()) {
      if (type.endsWith("_iam_member") || type.endsWith("_iam_binding")) {
        stack.resources(type).values().stream()
            .filter(
                m ->
                    m.path("member").asString().equals(member)
                        || strings(m.path("members")).contains(member))
            .forEach(m -> types.add(type));
      }
    }
    return types;
  }
}
