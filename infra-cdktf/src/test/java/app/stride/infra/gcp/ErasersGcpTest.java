package app.stride.infra.gcp;

import static app.stride.infra.TfStack.strings;
import static app.stride.infra.gcp.DevicesGcpTest.APAC;
import static app.stride.infra.gcp.DevicesGcpTest.PUBSUB_AGENT;
import static app.stride.infra.gcp.DevicesGcpTest.bucket;
import static app.stride.infra.gcp.DevicesGcpTest.eraserRole;
import static app.stride.infra.gcp.DevicesGcpTest.function;
import static app.stride.infra.gcp.DevicesGcpTest.member;
import static app.stride.infra.gcp.DevicesGcpTest.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.infra.FunctionLimits;
import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
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
 * The data erasers ({@link Capabilities#PROFILES_ERASER}, {@link Capabilities#DEVICES_ERASER}) in
 * the GCP region ({@link SubscriberFunction}): each one's filtered, dead-lettering push
 * subscription of the region's profile events, its function, its invoker, and exactly the grants
 * its code needs.
 */
class ErasersGcpTest {

  private static final EnvConfig ENV = SynthesizedStacks.config();
  private static final Map<String, Capability.Subscriber> ERASERS =
      Map.of(
          "profiles",
          Capabilities.PROFILES_ERASER,
          "planner",
          Capabilities.PLANNER_ERASER,
          "workouts",
          Capabilities.WORKOUTS_ERASER,
          "devices",
          Capabilities.DEVICES_ERASER);

  private final TfStack stack = SynthesizedStacks.region("apac");

  @ParameterizedTest
  @ValueSource(strings = {"profiles", "planner", "workouts", "devices"})
  void subscription_ofProfileEvents_takesOnlyAccountDeletions_pushingToTheEraserAsItsInvoker(
      String capability) {
    JsonNode subscription = subscription(capability);
    JsonNode eraser = function(stack, eraserName(capability));
    String uri = stack.ref("google_cloudfunctions2_function", eraser, "service_config[0].uri");
    JsonNode invoker =
        stack.named("google_service_account", "account_id", capability + "-eraser-push-apac");

    assertThat(subscription.path("topic").asString())
        .isEqualTo(
            stack.ref("google_pubsub_topic", topic(stack, "stride-profile-events-apac"), "id"));
    assertThat(subscription.path("filter").asString())
        .isEqualTo("attributes.ce-type = \"app.stride.user.v1.deleted\"");
    assertThat(subscription.at("/push_config/push_endpoint").asString()).isEqualTo(uri);
    assertThat(subscription.at("/push_config/oidc_token/audience").asString()).isEqualTo(uri);
    assertThat(subscription.at("/push_config/oidc_token/service_account_email").asString())
        .isEqualTo(stack.ref("google_service_account", invoker, "email"));
    // Account deletions may be months apart: the subscription must not expire for idling.
    assertThat(subscription.has("expiration_policy")).isTrue();
    assertThat(subscription.at("/expiration_policy/ttl").asString()).isEmpty();
  }

  @Test
  void subscription_waitsAsLongAsTheEraserMayTake_atLeastAMinute() {
    assertThat(subscription("profiles").path("ack_deadline_seconds").asInt()).isEqualTo(60);
    assertThat(subscription("devices").path("ack_deadline_seconds").asInt())
        .isEqualTo(Capabilities.DEVICES_ERASER.timeoutSeconds())
        .isEqualTo(300);
  }

  @ParameterizedTest
  @ValueSource(strings = {"profiles", "planner", "workouts", "devices"})
  void subscription_backsOff_andDeadLettersAfterFiveAttempts_toItsOwnRegionalTopic(
      String capability) {
    JsonNode subscription = subscription(capability);
    JsonNode dlq = topic(stack, eraserName(capability) + "-dlq");
    String subscriptionName = stack.ref("google_pubsub_subscription", subscription, "name");

    assertThat(subscription.at("/retry_policy/minimum_backoff").asString()).isEqualTo("10s");
    assertThat(subscription.at("/retry_policy/maximum_backoff").asString()).isEqualTo("600s");
    assertThat(subscription.at("/dead_letter_policy/dead_letter_topic").asString())
        .isEqualTo(stack.ref("google_pubsub_topic", dlq, "id"));
    assertThat(subscription.at("/dead_letter_policy/max_delivery_attempts").asInt()).isEqualTo(5);
    assertThat(strings(dlq.at("/message_storage_policy/allowed_persistence_regions")))
        .containsExactly(APAC.location());
    JsonNode hold =
        stack.named("google_pubsub_subscription", "name", eraserName(capability) + "-dlq-hold");
    assertThat(hold.path("topic").asString())
        .isEqualTo(stack.ref("google_pubsub_topic", dlq, "id"));
    assertThat(hold.path("message_retention_duration").asString()).isEqualTo("604800s");
    // Pub/Sub forwards the dead letters itself: it publishes to the DLQ and acks the source.
    assertThat(grantsOn("google_pubsub_topic_iam_member", "topic", dlqName(dlq)))
        .containsExactly("roles/pubsub.publisher " + PUBSUB_AGENT);
    assertThat(grantsOn("google_pubsub_subscription_iam_member", "subscription", subscriptionName))
        .containsExactly("roles/pubsub.subscriber " + PUBSUB_AGENT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"profiles", "planner", "workouts", "devices"})
  void eraser_runsItsEntryPoint_internally_asItsOwnAccount_cappedAtTheSubscriberCap(
      String capability) {
    Capability.Subscriber subscriber = ERASERS.get(capability);
    JsonNode eraser = function(stack, eraserName(capability));
    JsonNode http = function(stack, APAC.functionName(capability));
    JsonNode service = eraser.path("service_config");

    assertThat(eraser.at("/build_config/entry_point").asString())
        .isEqualTo(subscriber.gcpEntryPoint())
        .endsWith(
            capability.substring(0, 1).toUpperCase()
                + capability.substring(1)
                + "UserEraserFunction");
    assertThat(eraser.at("/build_config/source/storage_source/object").asString())
        .isEqualTo(http.at("/build_config/source/storage_source/object").asString());
    assertThat(service.path("ingress_settings").asString()).isEqualTo("ALLOW_INTERNAL_ONLY");
    assertThat(service.path("timeout_seconds").asInt()).isEqualTo(subscriber.timeoutSeconds());
    assertThat(service.path("available_memory").asString()).isEqualTo("1024Mi");
    assertThat(service.path("max_instance_count").asInt())
        .isEqualTo(FunctionLimits.SUBSCRIBER)
        .isEqualTo(2);
    assertThat(service.path("max_instance_request_concurrency").asInt()).isEqualTo(1);
    assertThat(service.path("service_account_email").asString())
        .isEqualTo(
            stack.ref(
                "google_service_account",
                stack.named("google_service_account", "account_id", eraserName(capability)),
                "email"));
    assertThat(service.path("secret_environment_variables").values())
        .as("an eraser reads no secret, not even the cursor key")
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"profiles", "planner", "workouts", "devices"})
  void eraser_getsEveryVariableItsSpringContextReads(String capability) {
    JsonNode env =
        function(stack, eraserName(capability)).at("/service_config/environment_variables");
    JsonNode http = function(stack, APAC.functionName(capability));

    assertThat(env.path("STRIDE_REGION").asString()).isEqualTo("apac");
    assertThat(env.path("STRIDE_FIRESTORE_PROJECT").asString()).isEqualTo(APAC.gcpProject());
    assertThat(env.path("STRIDE_FIRESTORE_DATABASE").asString())
        .isEqualTo(
            http.at("/service_config/environment_variables/STRIDE_FIRESTORE_DATABASE").asString())
        .isNotBlank();
    if (capability.equals("planner")) {
      // The planner has no events topic, and its eraser publishes nothing.
      assertThat(env.has("STRIDE_EVENTS_TOPIC")).isFalse();
    } else {
      assertThat(env.path("STRIDE_EVENTS_TOPIC").asString())
          .isEqualTo(
              http.at("/service_config/environment_variables/STRIDE_EVENTS_TOPIC").asString())
          .isNotBlank();
    }
    assertThat(env.path("STRIDE_GCP_PROJECT").asString()).isEqualTo(APAC.gcpProject());
    assertThat(env.path("JAVA_TOOL_OPTIONS").asString()).contains("-XX:MaxRAMPercentage=75");
    if (capability.equals("devices")) {
      // DevicesGcpConfig requires the bucket and the work topic; the tokens key it never opens.
      assertThat(env.path("STRIDE_DEVICES_BUCKET").asString())
          .isEqualTo(stack.ref("google_storage_bucket", bucket(stack), "name"));
      assertThat(env.path("STRIDE_DEVICES_WORK_TOPIC").asString())
          .isEqualTo(
              stack.ref("google_pubsub_topic", topic(stack, "stride-devices-work-apac"), "id"));
      assertThat(env.has("STRIDE_DEVICES_TOKEN_KEY_ID")).isFalse();
    } else {
      assertThat(env.propertyNames()).noneMatch(v -> v.startsWith("STRIDE_DEVICES_"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"profiles", "planner", "workouts", "devices"})
  void invoker_isTheOnlyMemberInvokingItsEraser_andInvokesNothingElse_PubSubMintsItsTokens(
      String capability) {
    JsonNode invoker =
        stack.named("google_service_account", "account_id", capability + "-eraser-push-apac");
    String invokerMember = stack.ref("google_service_account", invoker, "member");
    String service =
        stack.ref(
            "google_cloudfunctions2_function",
            function(stack, eraserName(capability)),
            "service_config[0].service");

    assertThat(grantsOn("google_cloud_run_v2_service_iam_member", "name", service))
        .containsExactly("roles/run.invoker " + invokerMember);
    assertThat(
            stack.resources("google_cloud_run_v2_service_iam_member").values().stream()
                .filter(m -> m.path("member").asString().equals(invokerMember)))
        .extracting(m -> m.path("name").asString())
        .containsExactly(service);
    assertThat(
            grantsOn(
                "google_service_account_iam_member",
                "service_account_id",
                stack.ref("google_service_account", invoker, "name")))
        .containsExactly("roles/iam.serviceAccountTokenCreator " + PUBSUB_AGENT);
    assertThat(allGrantsOf(invokerMember)).containsExactly("roles/run.invoker " + service);
  }

  @Test
  void profilesEraserAccount_usesTheRegionsDatabase_andPublishesProfileEvents_nothingElse() {
    String eraser = member(stack, eraserName("profiles"));
    String db =
        "projects/"
            + APAC.gcpProject()
            + "/databases/"
            + stack.ref(
                "google_firestore_database", stack.only("google_firestore_database"), "name");
    String events =
        stack.ref("google_pubsub_topic", topic(stack, "stride-profile-events-apac"), "name");

    assertThat(allGrantsOf(eraser))
        .containsExactlyInAnyOrder(
            "roles/datastore.user project " + APAC.gcpProject(),
            "roles/pubsub.publisher " + events);
    assertThat(firestoreCondition(eraser))
        .isEqualTo("resource.name == \"" + db + "\" || resource.name.startsWith(\"" + db + "/\")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"planner", "workouts"})
  void eraserAccount_ofAnEraserDeletingDocumentsOnly_usesTheRegionsDatabase_nothingElse(
      String capability) {
    String eraser = member(stack, eraserName(capability));

    assertThat(allGrantsOf(eraser))
        .containsExactly("roles/datastore.user project " + APAC.gcpProject());
    assertThat(firestoreCondition(eraser)).contains("/databases/");
  }

  @Test
  void devicesEraserAccount_listsAndDeletesObjectsOfItsBucketOnly_andQueuesWork_nothingElse() {
    String eraser = member(stack, eraserName("devices"));
    String bucket = stack.ref("google_storage_bucket", bucket(stack), "name");
    String work =
        stack.ref("google_pubsub_topic", topic(stack, "stride-devices-work-apac"), "name");
    JsonNode role =
        stack.named("google_project_iam_custom_role", "role_id", "stride_devices_eraser_apac");

    assertThat(allGrantsOf(eraser))
        .containsExactlyInAnyOrder(
            "roles/datastore.user project " + APAC.gcpProject(),
            "roles/pubsub.publisher " + work,
            eraserRole(stack) + " " + bucket);
    assertThat(strings(role.path("permissions")))
        .containsExactlyInAnyOrder("storage.objects.list", "storage.objects.delete");
    assertThat(role.path("project").asString()).isEqualTo(APAC.gcpProject());
    assertThat(firestoreCondition(eraser)).contains("/databases/");
    // The role is bound on the devices bucket alone, to the eraser alone.
    assertThat(
            stack.resources("google_storage_bucket_iam_member").values().stream()
                .filter(m -> m.path("role").asString().equals(eraserRole(stack))))
        .extracting(m -> m.path("bucket").asString() + " " + m.path("member").asString())
        .containsExactly(bucket + " " + eraser);
  }

  @Test
  void erasers_logToTheRegionalBucket_andAlertOnServerErrors() {
    String sink = stack.only("google_logging_project_sink").path("filter").asString();

    for (String capability : ERASERS.keySet()) {
      assertThat(sink).contains("\"" + eraserName(capability) + "\"");
      assertThat(
              stack.named(
                  "google_monitoring_alert_policy",
                  "display_name",
                  eraserName(capability) + " errors"))
          .isNotNull();
    }
  }

  @Test
  void accountIds_fitGooglesThirtyCharacters_inEveryGcpRegion_theInvokerWithoutStridePrefix() {
    for (RegionConfig region : ENV.regions()) {
      if (region.cloud() != Cloud.GCP) {
        continue;
      }
      for (Capability capability : Capabilities.ALL) {
        for (Capability.Subscriber subscriber : capability.subscribers()) {
          assertThat(SubscriberFunction.invokerAccountId(region, capability, subscriber))
              .hasSizeLessThanOrEqualTo(30)
              .isEqualTo(capability.name() + "-" + subscriber.stem() + "-push-" + region.id());
          assertThat(region.subscriberFunctionName(capability.name(), subscriber.stem()))
              .hasSizeLessThanOrEqualTo(30);
        }
      }
    }
    RegionConfig longId = new RegionConfig("apacsoutheas", Cloud.GCP, "asia-southeast1", "p");
    assertThatThrownBy(
            () ->
                SubscriberFunction.invokerAccountId(
                    longId, Capabilities.PROFILES, Capabilities.PROFILES_ERASER))
        .hasMessageContaining("over 30");
  }

  @Test
  void aSubscriberWhoseGrantsAreNotDeclared_isRefused() {
    Capability.Subscriber other =
        new Capability.Subscriber(
            "auditor", "profile-events", "app.stride.user.v1.deleted", "b", "a.F", 60, 1024);

    assertThatThrownBy(() -> SubscriberFunction.EraserAccess.of(Capabilities.PLANNER, other))
        .hasMessageContaining("no GCP grants");
    assertThatThrownBy(() -> SubscriberFunction.EraserAccess.of(Capabilities.DEVICES, other))
        .hasMessageContaining("no GCP grants");
  }

  /** Every grant naming {@code member}: IAM role and target ({@code project <id>} or the ref). */
  private List<String> allGrantsOf(String member) {
    List<String> grants = new ArrayList<>();
    Map<String, String> targets =
        Map.of(
            "google_pubsub_topic_iam_member", "topic",
            "google_pubsub_subscription_iam_member", "subscription",
            "google_storage_bucket_iam_member", "bucket",
            "google_cloud_run_v2_service_iam_member", "name",
            "google_secret_manager_secret_iam_member", "secret_id",
            "google_kms_crypto_key_iam_member", "crypto_key_id",
            "google_service_account_iam_member", "service_account_id");
    targets.forEach(
        (type, attribute) ->
            stack.resources(type).values().stream()
                .filter(m -> m.path("member").asString().equals(member))
                .forEach(
                    m ->
                        grants.add(
                            m.path("role").asString() + " " + m.path(attribute).asString())));
    stack.resources("google_project_iam_member").values().stream()
        .filter(m -> m.path("member").asString().equals(member))
        .forEach(
            m ->
                grants.add(m.path("role").asString() + " project " + m.path("project").asString()));
    return grants;
  }

  private String firestoreCondition(String member) {
    return stack.resources("google_project_iam_member").values().stream()
        .filter(m -> m.path("member").asString().equals(member))
        .filter(m -> m.path("role").asString().equals(CapabilityIdentity.DATASTORE_ROLE))
        .findFirst()
        .orElseThrow()
        .at("/condition/expression")
        .asString();
  }

  private List<String> grantsOn(String type, String attribute, String target) {
    return stack.resources(type).values().stream()
        .filter(m -> m.path(attribute).asString().equals(target))
        .map(m -> m.path("role").asString() + " " + m.path("member").asString())
        .toList();
  }

  private String dlqName(JsonNode dlq) {
    return stack.ref("google_pubsub_topic", dlq, "name");
  }

  private JsonNode subscription(String capability) {
    return stack.named("google_pubsub_subscription", "name", eraserName(capability));
  }

  private static String eraserName(String capability) {
    return APAC.subscriberFunctionName(capability, "eraser");
  }
}
