package app.stride.infra.gcp;

import static app.stride.infra.TfStack.strings;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The auth capability of the GCP region: TTL policies, functions, schedules, identity. */
class GcpAuthTest {

  private static final String PROJECT = "stride-apac-prod";
  private static final String LOCATION = "asia-southeast1";

  private final TfStack stack = SynthesizedStacks.stack("gcp-asia-southeast1");

  @Test
  void ttlPolicies_coverTheExpiringAuthCollections_onTheRegionsDatabase_oneAfterAnother() {
    JsonNode db = stack.only("google_firestore_database");
    Map<String, JsonNode> byCollection =
        stack.resources("google_firestore_field").values().stream()
            .collect(Collectors.toMap(f -> f.path("collection").asString(), f -> f));

    // Beside the chat channel's registry (RealtimeGcpTest) and devices' erased-account markers
    // and call windows (DevicesGcpTest), only these collections expire.
    assertThat(byCollection.keySet())
        .containsExactlyInAnyOrder(
            "profiles",
            "authSessions",
            "authRefreshTokens",
            "authOneTimeTokens",
            "realtimeConnections",
            "realtimeSubscriptions",
            "imports",
            "importHashes",
            "erasedAccounts",
            "providerCallWindows");
    String previous = "profiles";
    for (String collection : List.of("authSessions", "authRefreshTokens", "authOneTimeTokens")) {
      JsonNode field = byCollection.get(collection);
      assertThat(field.path("database").asString())
          .isEqualTo(stack.ref("google_firestore_database", db, "name"));
      assertThat(field.path("field").asString()).isEqualTo("expiresAt");
      assertThat(field.has("ttl_config")).isTrue();
      assertThat(strings(field.path("depends_on")))
          .containsExactly(
              "google_firestore_field."
                  + logicalId("google_firestore_field", byCollection.get(previous)));
      previous = collection;
    }
    assertThat(byCollection.keySet())
        .doesNotContain("authAccounts", "authLoginClaims", "authTombstones", "authKeyRings");
  }

  @Test
  void httpFunction_isGen2Java17_1GiB_scaleToZero_runningAuthHttpFunction() {
    JsonNode fn = function("stride-auth-apac");
    JsonNode service = fn.path("service_config");

    assertThat(fn.path("location").asString()).isEqualTo(LOCATION);
    assertThat(fn.at("/build_config/runtime").asString()).isEqualTo("java17");
    assertThat(fn.at("/build_config/entry_point").asString())
        .isEqualTo("app.stride.auth.gcp.AuthHttpFunction");
    assertThat(service.path("available_memory").asString()).isEqualTo("1Gi");
    assertThat(service.path("min_instance_count").asInt()).isZero();
    assertThat(service.path("max_instance_count").asInt()).isEqualTo(50);
    assertThat(service.path("max_instance_request_concurrency").asInt()).isEqualTo(1);
    assertThat(service.path("service_account_email").asString())
        .isEqualTo(stack.ref("google_service_account", authAccount(), "email"));
    JsonNode object = stack.named("google_storage_bucket_object", "name", "auth-gcp-function.zip");
    assertThat(object.path("source").asString())
        .endsWith("/functions/auth/gcp/target/auth-gcp-function.zip");
    assertThat(fn.at("/build_config/source/storage_source/object").asString())
        .isEqualTo(stack.ref("google_storage_bucket_object", object, "name"));
    assertThat(fn.at("/build_config/source/storage_source/bucket").asString())
        .isEqualTo(stack.ref("google_storage_bucket", stack.sourceBucket(), "name"));
  }

  @Test
  void functions_environment_isTheRegionsOwn_mailViaSmtpRelayWithStartTls() {
    for (String name :
        List.of(
            "stride-auth-apac",
            "stride-auth-key-rotation-apac",
            "stride-auth-deletion-relay-apac")) {
      JsonNode env = function(name).at("/service_config/environment_variables");

      assertThat(env.path("STRIDE_REGION").asString()).as(name).isEqualTo("apac");
      assertThat(env.path("STRIDE_FIRESTORE_PROJECT").asString()).isEqualTo(PROJECT);
      assertThat(env.path("STRIDE_FIRESTORE_DATABASE").asString())
          .isEqualTo(
              stack.ref(
                  "google_firestore_database", stack.only("google_firestore_database"), "name"));
      assertThat(env.path("STRIDE_EVENTS_TOPIC").asString())
          .isEqualTo(
              stack.ref(
                  "google_pubsub_topic",
                  stack.named("google_pubsub_topic", "name", "stride-profile-events-apac"),
                  "id"));
      assertThat(env.path("STRIDE_JWT_ISSUER").asString()).isEqualTo("https://auth.stride.app");
      assertThat(env.path("STRIDE_JWT_AUDIENCE").asString()).isEqualTo("stride-mobile");
      assertThat(env.path("STRIDE_PUBLIC_URL").asString()).isEqualTo("https://stride.app");
      assertThat(env.path("STRIDE_DIRECTORY_URL").asString())
          .isEqualTo("https://directory.stride.app");
      assertThat(env.path("STRIDE_MAIL_FROM").asString()).isEqualTo("Stride <no-reply@stride.app>");
      assertThat(env.path("STRIDE_SMTP_HOST").asString()).isEqualTo("smtp-relay.stride.app");
      assertThat(env.path("STRIDE_SMTP_PORT").asString()).isEqualTo("587");
      assertThat(env.path("STRIDE_SMTP_STARTTLS").asString()).isEqualTo("true");
      assertThat(env.path("STRIDE_SMTP_USERNAME").asString()).isEqualTo("stride-auth");
    }
    assertThat(
            function("stride-auth-apac")
                .at("/service_config/environment_variables/STRIDE_JWKS_URL")
                .asString())
        .isEqualTo("https://auth.stride.app/.well-known/jwks.json");
  }

  @Test
  void secrets_areSecretManagerReferences_replicatedOnlyInTheRegion() {
    Map<String, String> expected =
        Map.of(
            "STRIDE_DIRECTORY_SECRET", "stride-directory-hash-key-apac",
            "STRIDE_DIRECTORY_API_SECRET", "stride-directory-api-secret-apac",
            "STRIDE_SMTP_PASSWORD", "stride-smtp-password-apac",
            "STRIDE_REDIS_PASSWORD", "stride-redis-auth-apac");

    for (String name :
        List.of(
            "stride-auth-apac",
            "stride-auth-key-rotation-apac",
            "stride-auth-deletion-relay-apac")) {
      JsonNode refs = function(name).at("/service_config/secret_environment_variables");
      // Only the HTTP function reaches the region's Redis (its login throttle).
      assertThat(refs.values())
          .as(name)
          .extracting(ref -> ref.path("key").asString())
          .containsExactlyInAnyOrderElementsOf(
              name.equals("stride-auth-apac")
                  ? expected.keySet()
                  : expected.keySet().stream()
                      .filter(k -> !k.equals("STRIDE_REDIS_PASSWORD"))
                      .toList());
      for (JsonNode ref : refs.values()) {
        String secretId = expected.get(ref.path("key").asString());
        JsonNode secret = stack.named("google_secret_manager_secret", "secret_id", secretId);
        assertThat(ref.path("secret").asString())
            .isEqualTo(stack.ref("google_secret_manager_secret", secret, "secret_id"));
        assertThat(ref.path("project_id").asString()).isEqualTo(PROJECT);
        assertThat(ref.path("version").asString()).isEqualTo("latest");
      }
    }
    for (JsonNode secret : stack.resources("google_secret_manager_secret").values()) {
      assertThat(secret.at("/replication/user_managed/replicas").values())
          .extracting(replica -> replica.path("location").asString())
          .containsExactly(LOCATION);
      assertThat(secret.at("/replication/auto").isMissingNode()).isTrue();
    }
    RegionRedisGcpTest.assertOnlyTheRedisAuthSecretHasAVersion(stack);
  }

  @Test
  void authAccount_getsFirestoreOnlyOnItsDatabase_eachSecret_andTheEventsTopic_nothingElse() {
    String member = stack.ref("google_service_account", authAccount(), "member");
    String db =
        "projects/"
            + PROJECT
            + "/databases/"
            + stack.ref(
                "google_firestore_database", stack.only("google_firestore_database"), "name");

    List<JsonNode> projectGrants =
        stack.resources("google_project_iam_member").values().stream()
            .filter(m -> m.path("member").asString().equals(member))
            .toList();
    assertThat(projectGrants)
        .extracting(m -> m.path("role").asString())
        .containsExactlyInAnyOrder("roles/datastore.user", "roles/monitoring.metricWriter");
    JsonNode firestore =
        projectGrants.stream()
            .filter(m -> m.path("role").asString().equals("roles/datastore.user"))
            .findFirst()
            .orElseThrow();
    assertThat(firestore.at("/condition/expression").asString())
        .isEqualTo("resource.name == \"" + db + "\" || resource.name.startsWith(\"" + db + "/\")");
    assertThat(
            stack.resources("google_secret_manager_secret_iam_member").values().stream()
                .filter(m -> m.path("member").asString().equals(member))
                .map(m -> m.path("role").asString() + " " + m.path("secret_id").asString())
                .toList())
        .containsExactlyInAnyOrder(
            "roles/secretmanager.secretAccessor " + secretIdRef("stride-directory-hash-key-apac"),
            "roles/secretmanager.secretAccessor " + secretIdRef("stride-directory-api-secret-apac"),
            "roles/secretmanager.secretAccessor " + secretIdRef("stride-smtp-password-apac"),
            // The HTTP function's Redis AUTH string (RegionRedisGcpTest).
            "roles/secretmanager.secretAccessor " + secretIdRef("stride-redis-auth-apac"));
    assertThat(
            stack.resources("google_pubsub_topic_iam_member").values().stream()
                .filter(m -> m.path("member").asString().equals(member))
                .map(m -> m.path("role").asString() + " " + m.path("topic").asString())
                .toList())
        .containsExactly(
            "roles/pubsub.publisher "
                + stack.ref(
                    "google_pubsub_topic",
                    stack.named("google_pubsub_topic", "name", "stride-profile-events-apac"),
                    "name"));
    assertThat(stack.resources("google_cloud_run_v2_service_iam_member").values())
        .noneMatch(m -> m.path("member").asString().equals(member));
  }

  @Test
  void schedules_publishTicksToTheirOwnTopics_whichTriggerTheScheduleFunctions() {
    JsonNode ticks = stack.named("google_service_account", "account_id", "stride-auth-ticks-apac");
    for (String[] expected :
        new String[][] {
          {
            "stride-auth-key-rotation-apac",
            "0 * * * *",
            "auth-key-rotation",
            "app.stride.auth.gcp.AuthKeyRotationFunction"
          },
          {
            "stride-auth-deletion-relay-apac",
            "*/5 * * * *",
            "auth-deletion-relay",
            "app.stride.auth.gcp.AuthDeletionRelayFunction"
          }
        }) {
      JsonNode job = stack.named("google_cloud_scheduler_job", "name", expected[0]);
      JsonNode topic = stack.named("google_pubsub_topic", "name", expected[0]);
      JsonNode fn = function(expected[0]);
      JsonNode trigger = fn.path("event_trigger");

      assertThat(job.path("region").asString()).isEqualTo(LOCATION);
      assertThat(job.path("schedule").asString()).isEqualTo(expected[1]);
      assertThat(job.path("time_zone").asString()).isEqualTo("Etc/UTC");
      assertThat(job.at("/pubsub_target/topic_name").asString())
          .isEqualTo(stack.ref("google_pubsub_topic", topic, "id"));
      assertThat(job.at("/pubsub_target/attributes/schedule").asString()).isEqualTo(expected[2]);
      assertThat(job.at("/retry_config/retry_count").asInt()).isZero();
      assertThat(strings(topic.at("/message_storage_policy/allowed_persistence_regions")))
          .containsExactly(LOCATION);
      assertThat(fn.at("/build_config/entry_point").asString()).isEqualTo(expected[3]);
      assertThat(trigger.path("event_type").asString())
          .isEqualTo("google.cloud.pubsub.topic.v1.messagePublished");
      assertThat(trigger.path("pubsub_topic").asString())
          .isEqualTo(stack.ref("google_pubsub_topic", topic, "id"));
      assertThat(trigger.path("trigger_region").asString()).isEqualTo(LOCATION);
      assertThat(trigger.path("retry_policy").asString()).isEqualTo("RETRY_POLICY_DO_NOT_RETRY");
      assertThat(trigger.path("service_account_email").asString())
          .isEqualTo(stack.ref("google_service_account", ticks, "email"));
      assertThat(fn.at("/service_config/max_instance_count").asInt()).isEqualTo(1);
      assertThat(fn.at("/service_config/min_instance_count").asInt()).isZero();
      assertThat(fn.at("/service_config/ingress_settings").asString())
          .isEqualTo("ALLOW_INTERNAL_ONLY");
      assertThat(fn.at("/service_config/service_account_email").asString())
          .isEqualTo(stack.ref("google_service_account", authAccount(), "email"));
      assertThat(fn.at("/service_config/environment_variables").has("STRIDE_JWKS_URL")).isFalse();
    }
  }

  @Test
  void triggerAccount_mayInvokeOnlyTheTwoScheduleFunctions_andTheHttpFunctionIsPublic() {
    String ticks =
        stack.ref(
            "google_service_account",
            stack.named("google_service_account", "account_id", "stride-auth-ticks-apac"),
            "member");

    assertThat(
            stack.resources("google_cloud_run_v2_service_iam_member").values().stream()
                .filter(m -> m.path("member").asString().equals(ticks))
                .map(m -> m.path("role").asString() + " " + m.path("name").asString())
                .toList())
        .containsExactlyInAnyOrder(
            "roles/run.invoker " + serviceRef("stride-auth-key-rotation-apac"),
            "roles/run.invoker " + serviceRef("stride-auth-deletion-relay-apac"));
    JsonNode publicInvoker =
        stack.named(
            "google_cloud_run_v2_service_iam_member", "name", serviceRef("stride-auth-apac"));
    assertThat(publicInvoker.path("member").asString()).isEqualTo("allUsers");
    assertThat(publicInvoker.path("role").asString()).isEqualTo("roles/run.invoker");
  }

  @Test
  void everyAuthFunction_hasAnErrorAlert_andItsLogsStayInTheRegion() {
    String filter = stack.only("google_logging_project_sink").path("filter").asString();
    for (String name :
        List.of(
            "stride-auth-apac",
            "stride-auth-key-rotation-apac",
            "stride-auth-deletion-relay-apac")) {
      assertThat(filter).contains("\"" + name + "\"");
      assertThat(
              stack
                  .named("google_monitoring_alert_policy", "display_name", name + " errors")
                  .at("/conditions/0/condition_threshold/filter")
                  .asString())
          .contains("resource.labels.service_name = \"" + name + "\"");
    }
  }

  private JsonNode function(String name) {
    return stack.named("google_cloudfunctions2_function", "name", name);
  }

  private JsonNode authAccount() {
    return stack.named("google_service_account", "account_id", "stride-auth-apac");
  }

  private String secretIdRef(String secretId) {
    return stack.ref(
        "google_secret_manager_secret",
        stack.named("google_secret_manager_secret", "secret_id", secretId),
        "secret_id");
  }

  private String serviceRef(String functionName) {
    return stack.ref(
        "google_cloudfunctions2_function", function(functionName), "service_config[0].service");
  }

  private String logicalId(String type, JsonNode node) {
    String ref = stack.ref(type, node, "id");
    return ref.substring(("${" + type + ".").length(), ref.length() - ".id}".length());
  }
}
