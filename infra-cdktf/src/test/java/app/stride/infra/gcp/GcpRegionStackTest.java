package app.stride.infra.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import com.hashicorp.cdktf.Testing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GcpRegionStackTest {

  private static final String PROJECT = "stride-apac-prod";
  private static final String LOCATION = "asia-southeast1";

  private final TfStack stack = SynthesizedStacks.stack("gcp-asia-southeast1");

  @Test
  void provider_targetsTheConfiguredProjectAndRegion() {
    assertThat(
            Testing.toHaveProviderWithProperties(
                stack.json(), "google", Map.of("project", PROJECT, "region", LOCATION)))
        .isTrue();
  }

  @Test
  void firestore_isNativeInTheRegion_withPitr_deleteProtection_andTtl() {
    JsonNode db = stack.only("google_firestore_database");
    JsonNode ttl = stack.named("google_firestore_field", "collection", "profiles");

    assertThat(db.path("name").asString()).isEqualTo("stride-apac");
    assertThat(db.path("location_id").asString()).isEqualTo(LOCATION);
    assertThat(db.path("type").asString()).isEqualTo("FIRESTORE_NATIVE");
    assertThat(db.path("point_in_time_recovery_enablement").asString())
        .isEqualTo("POINT_IN_TIME_RECOVERY_ENABLED");
    assertThat(db.path("delete_protection_state").asString())
        .isEqualTo("DELETE_PROTECTION_ENABLED");
    assertThat(ttl.path("database").asString())
        .isEqualTo(stack.ref("google_firestore_database", db, "name"));
    assertThat(ttl.path("field").asString()).isEqualTo("expiresAt");
    assertThat(ttl.has("ttl_config")).isTrue();
  }

  @Test
  void function_isGen2Java17_fromTheZipInARegionalBucket() {
    JsonNode fn = profilesFunction();
    JsonNode bucket = stack.sourceBucket();
    JsonNode object =
        stack.named("google_storage_bucket_object", "name", "profiles-gcp-function.zip");

    assertThat(fn.path("name").asString()).isEqualTo("stride-profiles-apac");
    assertThat(fn.path("location").asString()).isEqualTo(LOCATION);
    assertThat(fn.at("/build_config/runtime").asString()).isEqualTo("java17");
    assertThat(fn.at("/build_config/entry_point").asString())
        .isEqualTo("app.stride.profiles.gcp.ProfilesHttpFunction");
    assertThat(fn.at("/build_config/source/storage_source/bucket").asString())
        .isEqualTo(stack.ref("google_storage_bucket", bucket, "name"));
    assertThat(fn.at("/build_config/source/storage_source/object").asString())
        .isEqualTo(stack.ref("google_storage_bucket_object", object, "name"));
    assertThat(object.path("source").asString())
        .endsWith("/functions/profiles/gcp/target/profiles-gcp-function.zip");
    assertThat(bucket.path("location").asString()).isEqualToIgnoringCase(LOCATION);
    assertThat(bucket.path("public_access_prevention").asString()).isEqualTo("enforced");
    assertThat(bucket.path("uniform_bucket_level_access").asBoolean()).isTrue();
  }

  @Test
  void function_runsAsItsOwnAccount_withTheRegionsDatabaseAndTopic() {
    JsonNode service = profilesFunction().path("service_config");
    JsonNode env = service.path("environment_variables");
    JsonNode topic = stack.named("google_pubsub_topic", "name", "stride-profile-events-apac");

    assertThat(service.path("service_account_email").asString())
        .isEqualTo(stack.ref("google_service_account", profilesAccount(), "email"));
    assertThat(service.path("timeout_seconds").asInt()).isEqualTo(10);
    assertThat(service.path("ingress_settings").asString()).isEqualTo("ALLOW_ALL");
    assertThat(env.path("STRIDE_REGION").asString()).isEqualTo("apac");
    assertThat(env.path("STRIDE_FIRESTORE_DATABASE").asString())
        .isEqualTo(
            stack.ref(
                "google_firestore_database", stack.only("google_firestore_database"), "name"));
    assertThat(env.path("STRIDE_EVENTS_TOPIC").asString())
        .isEqualTo(stack.ref("google_pubsub_topic", topic, "id"));
  }

  @Test
  void function_verifiesTokensItself_withTheConfiguredIssuerAudienceAndKeys() {
    JsonNode env = profilesFunction().at("/service_config/environment_variables");

    assertThat(env.path("STRIDE_JWT_ISSUER").asString()).isEqualTo("https://auth.stride.app");
    assertThat(env.path("STRIDE_JWT_AUDIENCE").asString()).isEqualTo("stride-mobile");
    assertThat(env.path("STRIDE_JWKS_URL").asString())
        .isEqualTo("https://auth.stride.app/.well-known/jwks.json");
    assertThat(env.propertyNames()).doesNotContain("STRIDE_CURSOR_KEY");
  }

  @Test
  void eventsTopic_staysInRegion_andDeadLettersAfterFiveAttempts() {
    JsonNode topic = stack.named("google_pubsub_topic", "name", "stride-profile-events-apac");
    JsonNode dlq = stack.named("google_pubsub_topic", "name", "stride-profile-events-apac-dlq");
    JsonNode delivery =
        stack.named("google_pubsub_subscription", "name", "stride-profile-events-apac-delivery");

    assertThat(TfStack.strings(topic.at("/message_storage_policy/allowed_persistence_regions")))
        .containsExactly(LOCATION);
    assertThat(TfStack.strings(dlq.at("/message_storage_policy/allowed_persistence_regions")))
        .containsExactly(LOCATION);
    assertThat(delivery.path("topic").asString())
        .isEqualTo(stack.ref("google_pubsub_topic", topic, "id"));
    assertThat(delivery.at("/dead_letter_policy/dead_letter_topic").asString())
        .isEqualTo(stack.ref("google_pubsub_topic", dlq, "id"));
    assertThat(delivery.at("/dead_letter_policy/max_delivery_attempts").asInt()).isEqualTo(5);
  }

  @Test
  void serviceAccount_getsFirestoreOnlyOnItsDatabase_byIamCondition() {
    JsonNode account = profilesAccount();
    JsonNode binding =
        stack.resources("google_project_iam_member").values().stream()
            .filter(
                m ->
                    m.path("member")
                        .asString()
                        .equals(stack.ref("google_service_account", account, "member")))
            .filter(m -> m.path("role").asString().equals("roles/datastore.user"))
            .findFirst()
            .orElseThrow();
    String db =
        "projects/"
            + PROJECT
            + "/databases/"
            + stack.ref(
                "google_firestore_database", stack.only("google_firestore_database"), "name");

    assertThat(account.path("account_id").asString()).isEqualTo("stride-profiles-apac");
    assertThat(binding.path("role").asString()).isEqualTo("roles/datastore.user");
    assertThat(binding.path("member").asString())
        .isEqualTo(stack.ref("google_service_account", account, "member"));
    assertThat(binding.at("/condition/expression").asString())
        .isEqualTo("resource.name == \"" + db + "\" || resource.name.startsWith(\"" + db + "/\")");
  }

  @Test
  void serviceAccount_publishesOnlyToItsOwnTopic() {
    JsonNode account = profilesAccount();
    JsonNode topic = stack.named("google_pubsub_topic", "name", "stride-profile-events-apac");
    List<JsonNode> grantsToFunction =
        stack.resources("google_pubsub_topic_iam_member").values().stream()
            .filter(
                m ->
                    m.path("member")
                        .asString()
                        .equals(stack.ref("google_service_account", account, "member")))
            .toList();

    assertThat(grantsToFunction).hasSize(1);
    assertThat(grantsToFunction.get(0).path("role").asString()).isEqualTo("roles/pubsub.publisher");
    assertThat(grantsToFunction.get(0).path("topic").asString())
        .isEqualTo(stack.ref("google_pubsub_topic", topic, "name"));
  }

  @Test
  void logs_stayInRegionFor30Days_andAreKeptOutOfTheGlobalDefaultBucket() {
    JsonNode bucket = stack.only("google_logging_project_bucket_config");
    JsonNode sink = stack.only("google_logging_project_sink");
    JsonNode exclusion = stack.only("google_logging_project_exclusion");

    assertThat(bucket.path("location").asString()).isEqualTo(LOCATION);
    assertThat(bucket.path("retention_days").asInt()).isEqualTo(30);
    assertThat(sink.path("destination").asString())
        .isEqualTo(
            "logging.googleapis.com/"
                + stack.ref("google_logging_project_bucket_config", bucket, "id"));
    assertThat(sink.path("filter").asString()).contains("\"stride-profiles-apac\"");
    assertThat(exclusion.path("filter").asString()).isEqualTo(sink.path("filter").asString());
  }

  @Test
  void alertPolicy_firesOnServerErrorsOfTheFunction() {
    JsonNode policy =
        stack.named(
            "google_monitoring_alert_policy", "display_name", "stride-profiles-apac errors");
    JsonNode threshold = policy.at("/conditions/0/condition_threshold");

    assertThat(threshold.path("filter").asString())
        .contains("resource.labels.service_name = \"stride-profiles-apac\"")
        .contains("run.googleapis.com/request_count")
        .contains("response_code_class = \"5xx\"");
    assertThat(threshold.path("comparison").asString()).isEqualTo("COMPARISON_GT");
    assertThat(threshold.path("threshold_value").asInt()).isEqualTo(4);
    assertThat(threshold.at("/aggregations/0/alignment_period").asString()).isEqualTo("300s");
  }

  @Test
  void httpsTrigger_isPublic_becauseTheFunctionVerifiesJwtsItself() {
    JsonNode invoker =
        stack.named(
            "google_cloud_run_v2_service_iam_member",
            "name",
            stack.ref(
                "google_cloudfunctions2_function",
                profilesFunction(),
                "service_config[0].service"));

    assertThat(invoker.path("role").asString()).isEqualTo("roles/run.invoker");
    assertThat(invoker.path("member").asString()).isEqualTo("allUsers");
    assertThat(invoker.path("location").asString()).isEqualTo(LOCATION);
    assertThat(invoker.path("name").asString())
        .isEqualTo(
            stack.ref(
                "google_cloudfunctions2_function",
                profilesFunction(),
                "service_config[0].service"));
  }

  private JsonNode profilesFunction() {
    return stack.named("google_cloudfunctions2_function", "name", "stride-profiles-apac");
  }

  private JsonNode profilesAccount() {
    return stack.named("google_service_account", "account_id", "stride-profiles-apac");
  }
}
