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
import app.stride.infra.aws.OutboxRelay;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.Cloud;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The outbox relay of every capability with an outbox in the GCP region ({@link
 * OutboxRelayFunction}): a Cloud Function of the capability's zip run as its HTTP function's
 * account every minute, triggered by its own Cloud Scheduler topic through a trigger account that
 * may invoke it and nothing else.
 */
class OutboxRelaysGcpTest {

  private static final EnvConfig ENV = SynthesizedStacks.config();

  /** The relays' entry points, as the GCP modules name them. */
  private static final Map<String, String> ENTRY_POINTS =
      Map.of(
          "profiles", "app.stride.profiles.gcp.ProfilesOutboxRelayFunction",
          "workouts", "app.stride.workouts.gcp.WorkoutsOutboxRelayFunction",
          "devices", "app.stride.devices.gcp.DevicesOutboxRelayFunction");

  private final TfStack stack = SynthesizedStacks.region("apac");

  @Test
  void everyCapabilityWithAnOutbox_hasARelay_noOtherHasOne() {
    List<String> relays =
        stack.resources("google_cloudfunctions2_function").values().stream()
            .map(fn -> fn.path("name").asString())
            .filter(n -> n.contains("-outbox-relay-"))
            .toList();

    assertThat(Capabilities.ALL)
        .filteredOn(c -> c.outbox().isPresent())
        .extracting(Capability::name)
        .containsExactly("profiles", "workouts", "devices");
    assertThat(relays)
        .containsExactlyInAnyOrder(
            "stride-profiles-outbox-relay-apac",
            "stride-workouts-outbox-relay-apac",
            "stride-devices-outbox-relay-apac");
  }

  @ParameterizedTest
  @ValueSource(strings = {"profiles", "workouts", "devices"})
  void relay_runsItsEntryPoint_fromTheCapabilitysZip_asItsHttpFunction_oneInstanceAtATime(
      String capability) {
    String name = APAC.outboxRelayFunctionName(capability);
    JsonNode relay = function(stack, name);
    JsonNode http = function(stack, APAC.functionName(capability));
    JsonNode service = relay.path("service_config");
    JsonNode httpService = http.path("service_config");
    JsonNode variables = service.path("environment_variables");

    assertThat(name).isEqualTo("stride-" + capability + "-outbox-relay-apac");
    assertThat(relay.at("/build_config/entry_point").asString())
        .isEqualTo(Capabilities.named(capability).outbox().orElseThrow().gcpEntryPoint())
        .isEqualTo(ENTRY_POINTS.get(capability));
    assertThat(relay.at("/build_config/runtime").asString()).isEqualTo("java17");
    assertThat(relay.at("/build_config/source/storage_source/object").asString())
        .isEqualTo(http.at("/build_config/source/storage_source/object").asString());
    assertThat(service.path("service_account_email").asString())
        .isEqualTo(httpService.path("service_account_email").asString())
        .isEqualTo(
            stack.ref(
                "google_service_account",
                stack.named("google_service_account", "account_id", APAC.functionName(capability)),
                "email"));
    for (String variable :
        List.of(
            "STRIDE_REGION",
            "STRIDE_FIRESTORE_PROJECT",
            "STRIDE_FIRESTORE_DATABASE",
            "STRIDE_EVENTS_TOPIC")) {
      assertThat(variables.path(variable).asString())
          .as(variable)
          .isNotEmpty()
          .isEqualTo(httpService.at("/environment_variables/" + variable).asString());
    }
    assertThat(service.path("secret_environment_variables").values())
        .as("only a store built with the cursor key (workouts') reads it")
        .extracting(s -> s.path("key").asString())
        .containsExactlyElementsOf(
            capability.equals("workouts") ? List.of("STRIDE_CURSOR_KEY") : List.of());
    assertThat(variables.propertyNames()).noneMatch(k -> k.startsWith("STRIDE_REDIS_"));
    assertThat(service.has("vpc_connector")).isFalse();
    assertThat(service.path("timeout_seconds").asInt()).isEqualTo(60);
    assertThat(service.path("available_memory").asString()).isEqualTo("1Gi");
    assertThat(service.path("max_instance_count").asInt())
        .isEqualTo(FunctionLimits.SCHEDULED)
        .isEqualTo(1);
    assertThat(service.path("max_instance_request_concurrency").asInt()).isEqualTo(1);
    assertThat(service.path("ingress_settings").asString()).isEqualTo("ALLOW_INTERNAL_ONLY");
  }

  @Test
  void devicesRelay_getsTheNamesItsConfigurationRequires_notTheTokenKeyNorTheProviderSecrets() {
    JsonNode service =
        function(stack, APAC.outboxRelayFunctionName("devices")).path("service_config");
    JsonNode httpService = function(stack, APAC.functionName("devices")).path("service_config");

    for (String variable : List.of("STRIDE_DEVICES_BUCKET", "STRIDE_DEVICES_WORK_TOPIC")) {
      assertThat(service.at("/environment_variables/" + variable).asString())
          .as(variable)
          .isNotEmpty()
          .isEqualTo(httpService.at("/environment_variables/" + variable).asString());
    }
    assertThat(service.path("environment_variables").has("STRIDE_DEVICES_TOKEN_KEY_ID")).isFalse();
    assertThat(httpService.path("environment_variables").has("STRIDE_DEVICES_TOKEN_KEY_ID"))
        .isTrue();
    assertThat(httpService.path("secret_environment_variables").values())
        .extracting(s -> s.path("key").asString())
        .contains("STRIDE_OAUTH_STATE_KEY", "STRIDE_WEBHOOK_POLAR_SIGNING_KEY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"profiles", "workouts", "devices"})
  void schedule_publishesEveryMinuteUtc_toItsOwnRegionalTopic_triggeringTheRelayWithoutRetry(
      String capability) {
    String name = APAC.outboxRelayFunctionName(capability);
    JsonNode job = stack.named("google_cloud_scheduler_job", "name", name);
    JsonNode topic = stack.named("google_pubsub_topic", "name", name);
    String topicId = stack.ref("google_pubsub_topic", topic, "id");
    JsonNode trigger = function(stack, name).path("event_trigger");

    assertThat(job.path("region").asString()).isEqualTo(APAC.location());
    assertThat(job.path("schedule").asString()).isEqualTo("* * * * *");
    assertThat(job.path("time_zone").asString()).isEqualTo("Etc/UTC");
    assertThat(job.at("/pubsub_target/topic_name").asString()).isEqualTo(topicId);
    assertThat(job.at("/pubsub_target/attributes/schedule").asString())
        .isEqualTo(capability + "-outbox-relay")
        .isEqualTo(OutboxRelay.scheduleName(Capabilities.named(capability)));
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
                stack.named("google_service_account", "account_id", triggerId(capability)),
                "email"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"profiles", "workouts", "devices"})
  void triggerAccount_isTheOnlyInvokerOfTheRelay_andHoldsNoOtherGrant(String capability) {
    String trigger = member(stack, triggerId(capability));
    String service =
        stack.ref(
            "google_cloudfunctions2_function",
            function(stack, APAC.outboxRelayFunctionName(capability)),
            "service_config[0].service");

    assertThat(
            stack.resources("google_cloud_run_v2_service_iam_member").values().stream()
                .filter(m -> m.path("name").asString().equals(service))
                .map(m -> m.path("role").asString() + " " + m.path("member").asString()))
        .containsExactly("roles/run.invoker " + trigger);
    assertThat(grantsOf(trigger)).containsExactly("google_cloud_run_v2_service_iam_member");
  }

  @ParameterizedTest
  @ValueSource(strings = {"profiles", "workouts", "devices"})
  void relaysAccount_readsAndWritesOnlyTheRegionsDatabase_andPublishesOnItsEventsTopic(
      String capability) {
    String account = member(stack, APAC.functionName(capability));
    String database =
        "projects/"
            + APAC.gcpProject()
            + "/databases/"
            + stack.ref(
                "google_firestore_database", stack.only("google_firestore_database"), "name");
    String events =
        APAC.eventsName(Capabilities.named(capability).outbox().orElseThrow().eventsName());

    assertThat(
            stack.resources("google_project_iam_member").values().stream()
                .filter(m -> m.path("member").asString().equals(account))
                .filter(m -> m.path("role").asString().equals("roles/datastore.user"))
                .map(m -> m.at("/condition/expression").asString()))
        .containsExactly(
            "resource.name == \""
                + database
                + "\" || resource.name.startsWith(\""
                + database
                + "/\")");
    assertThat(
            stack.resources("google_pubsub_topic_iam_member").values().stream()
                .filter(m -> m.path("member").asString().equals(account))
                .filter(m -> m.path("role").asString().equals("roles/pubsub.publisher"))
                .map(m -> m.path("topic").asString()))
        .contains(
            stack.ref(
                "google_pubsub_topic", stack.named("google_pubsub_topic", "name", events), "name"));
  }

  @Test
  void relays_logToTheRegionalBucket_andAlertOnErrors() {
    String sink = stack.only("google_logging_project_sink").path("filter").asString();

    for (String capability : ENTRY_POINTS.keySet()) {
      String name = APAC.outboxRelayFunctionName(capability);
      assertThat(sink).contains("\"" + name + "\"");
      assertThat(stack.named("google_monitoring_alert_policy", "display_name", name + " errors"))
          .isNotNull();
    }
  }

  @Test
  void namesFitGooglesLimits_inEveryGcpRegion_andTheLongestRegionIdIsRefused() {
    for (RegionConfig region : ENV.regions()) {
      if (region.cloud() != Cloud.GCP) {
        continue;
      }
      for (Capability capability : Capabilities.ALL) {
        if (capability.outbox().isEmpty()) {
          continue;
        }
        assertThat(OutboxRelayFunction.triggerAccountId(region, capability))
            .isEqualTo(capability.name() + "-relay-ticks-" + region.id())
            .hasSizeLessThanOrEqualTo(30);
        assertThat(region.outboxRelayFunctionName(capability.name())).hasSizeLessThanOrEqualTo(63);
      }
    }
    RegionConfig longest = new RegionConfig("a23456789012", Cloud.GCP, "asia-southeast1", "p");
    assertThat(longest.outboxRelayFunctionName("a234567890123456")).hasSize(49);
    assertThatThrownBy(() -> OutboxRelayFunction.triggerAccountId(longest, Capabilities.PROFILES))
        .hasMessageContaining("over 30");
  }

  private static String triggerId(String capability) {
    return capability + "-relay-ticks-apac";
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
