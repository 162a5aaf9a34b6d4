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

import app.stride.infra.RegionShares;
import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability.SecretSetting;
import app.stride.infra.config.EnvConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The devices worker ({@link Capabilities#DEVICES_WORKER}) in the GCP region: the push subscription
 * through a dedicated invoker, the worker function and its account beside the HTTP function's.
 */
class DevicesWorkerGcpTest {

  private static final EnvConfig ENV = SynthesizedStacks.config();

  private final TfStack stack = SynthesizedStacks.region("apac");

  @Test
  void httpAndWorkerAccounts_mayUseObjectsAndTheTokensKey_onlyTheHttpAccountAndEraserPublishWork() {
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
    // Pub/Sub waits as long as the worker may take before it redelivers.
    assertThat(delivery.path("ack_deadline_seconds").asInt())
        .isEqualTo(Capabilities.DEVICES_WORKER.timeoutSeconds())
        .isEqualTo(540);
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
    assertThat(service.path("timeout_seconds").asInt()).isEqualTo(540);
    assertThat(service.path("available_memory").asString()).isEqualTo("3072Mi");
    assertThat(http.at("/service_config/available_memory").asString()).isEqualTo("1Gi");
    // The heap gets most of that memory, not the JVM's container default of a quarter.
    assertThat(service.at("/environment_variables/JAVA_TOOL_OPTIONS").asString())
        .contains("-XX:MaxRAMPercentage=75");
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
  void worker_getsItsShareOfStravasLimits_withTheAwsRegions_summingToAtMostOne() {
    Map<String, String> shares = RegionShares.ofDevicesWorkers();

    RegionShares.assertPositive_summingToAtMostOne(shares);
    assertThat(
            function(stack, APAC.workerFunctionName("devices"))
                .at("/service_config/environment_variables/STRIDE_PROVIDER_STRAVA_BUDGET_SHARE")
                .asString())
        .isEqualTo(shares.get("apac"))
        .isEqualTo("0.333333");
    // The HTTP function calls no provider's API for activities: it gets no share.
    assertThat(
            function(stack, APAC.functionName("devices"))
                .at("/service_config/environment_variables")
                .has(Capabilities.STRAVA_BUDGET_SHARE_ENV))
        .isFalse();
  }

  @Test
  void httpFunctionAndWorker_getBucketTokenKeyAndWorkTopic_theEraserNoKey_noOtherFunctionAny() {
    assertOnlyGetTheDevicesVariables(
        stack, List.of(APAC.functionName("devices"), APAC.workerFunctionName("devices")));
  }

  @Test
  void secretSettings_areRegionalSecretsWithoutVersions_referencedByTheFunctionsThatReadThem() {
    JsonNode http = function(stack, APAC.functionName("devices"));
    JsonNode worker = function(stack, APAC.workerFunctionName("devices"));
    Map<String, String> httpRefs = secretRefs(http);
    Map<String, String> workerRefs = secretRefs(worker);

    assertThat(httpRefs.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Capabilities.DEVICES_SECRETS.stream().map(SecretSetting::variable).toList())
        .contains(
            "STRIDE_OAUTH_STATE_KEY",
            "STRIDE_OAUTH_REDIRECT_URI",
            "STRIDE_OAUTH_COROS_CLIENT_SECRET",
            "STRIDE_PROVIDER_SUUNTO_SUBSCRIPTION_KEY",
            "STRIDE_WEBHOOK_POLAR_SIGNING_KEY");
    // The worker reads the OAuth clients and the Suunto key, never a webhook secret.
    assertThat(workerRefs.keySet())
        .hasSize(2 + 2 * Capabilities.DEVICE_PROVIDERS.size() + 1)
        .allMatch(v -> v.startsWith("STRIDE_OAUTH_") || v.startsWith("STRIDE_PROVIDER_"));
    assertThat(workerRefs).allSatisfy((v, secret) -> assertThat(httpRefs).containsEntry(v, secret));
    // A webhook checking the OAuth client's id or secret reads the same secret.
    assertThat(httpRefs.get("STRIDE_WEBHOOK_GARMIN_CLIENT_ID"))
        .isEqualTo(httpRefs.get("STRIDE_OAUTH_GARMIN_CLIENT_ID"));
    // Values never appear as plain variables; each secret is replicated only in the region.
    for (JsonNode fn : List.of(http, worker)) {
      assertThat(fn.at("/service_config/environment_variables").propertyNames())
          .doesNotContainAnyElementsOf(httpRefs.keySet());
    }
    for (String ref : httpRefs.values()) {
      JsonNode secret = secretOf(ref);
      assertThat(secret.path("secret_id").asString())
          .startsWith("stride-devices-")
          .endsWith("-apac");
      assertThat(secret.at("/replication/user_managed/replicas").values())
          .extracting(r -> r.path("location").asString())
          .containsExactly(APAC.location());
    }
    RegionRedisGcpTest.assertOnlyTheRedisAuthSecretHasAVersion(stack);
  }

  @Test
  void secretSettings_areReadableByTheFunctionThatReadsThem_only() {
    String http = member(stack, APAC.functionName("devices"));
    String worker = member(stack, APAC.workerFunctionName("devices"));
    Map<String, List<String>> readers = new LinkedHashMap<>();
    for (JsonNode grant : stack.resources("google_secret_manager_secret_iam_member").values()) {
      readers
          .computeIfAbsent(grant.path("secret_id").asString(), k -> new ArrayList<>())
          .add(grant.path("role").asString() + " " + grant.path("member").asString());
    }
    Map<String, String> httpRefs = secretRefs(function(stack, APAC.functionName("devices")));
    Map<String, String> workerRefs =
        secretRefs(function(stack, APAC.workerFunctionName("devices")));

    for (String ref : new LinkedHashSet<>(httpRefs.values())) {
      List<String> expected =
          new ArrayList<>(List.of("roles/secretmanager.secretAccessor " + http));
      if (workerRefs.containsValue(ref)) {
        expected.add("roles/secretmanager.secretAccessor " + worker);
      }
      assertThat(readers.get(ref)).as(ref).containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(stack.resources("google_project_iam_member").values())
        .noneMatch(m -> m.path("role").asString().startsWith("roles/secretmanager."));
  }

  /**
   * A function's secret environment variables (variable to secret id reference) but the region's
   * cursor key and Redis AUTH string, which every capability's HTTP function reads ({@link
   * CursorKeyGcpTest}, {@link RegionRedisGcpTest}).
   */
  private static Map<String, String> secretRefs(JsonNode function) {
    Map<String, String> refs = new LinkedHashMap<>();
    for (JsonNode ref : function.at("/service_config/secret_environment_variables").values()) {
      assertThat(ref.path("version").asString()).isEqualTo("latest");
      refs.put(ref.path("key").asString(), ref.path("secret").asString());
    }
    refs.remove(CursorKeySecret.ENV);
    refs.remove(RedisAccess.PASSWORD_ENV);
    return refs;
  }

  /** The secret a {@code ${google_secret_manager_secret.<id>.secret_id}} reference names. */
  private JsonNode secretOf(String ref) {
    String prefix = "${google_secret_manager_secret.";
    assertThat(ref).startsWith(prefix).endsWith(".secret_id}");
    String id = ref.substring(prefix.length(), ref.length() - ".secret_id}".length());
    return stack.resources("google_secret_manager_secret").get(id);
  }
}
