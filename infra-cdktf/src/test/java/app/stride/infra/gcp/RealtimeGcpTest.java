package app.stride.infra.gcp;

import static app.stride.infra.TfStack.strings;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.config.EnvConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The chat server on GCP ({@code docs/chat.md}): a Cloud Run service from the configured image, run
 * as the social service account with the social function's environment, held to the configured
 * instance count, public, and TTL policies on the connection registry.
 */
class RealtimeGcpTest {

  private static final String NAME = "stride-social-realtime-apac";

  private final EnvConfig env = SynthesizedStacks.config();
  private final TfStack stack = SynthesizedStacks.stack("gcp-asia-southeast1");

  @Test
  void chatServer_isCloudRun_fromTheConfiguredImage_cappedAtTheConfiguredInstances() {
    JsonNode service = service();
    JsonNode template = service.path("template");
    JsonNode container = template.path("containers").get(0);

    assertThat(service.path("location").asString()).isEqualTo("asia-southeast1");
    assertThat(service.path("project").asString()).isEqualTo("stride-apac-prod");
    assertThat(template.path("containers").values()).hasSize(1);
    assertThat(container.path("image").asString()).isEqualTo(env.realtime().gcpImage());
    assertThat(template.at("/scaling/max_instance_count").asInt())
        .isEqualTo(env.realtime().gcpMaxInstances())
        .isEqualTo(1);
    assertThat(template.at("/scaling/min_instance_count").asInt()).isZero();
    assertThat(template.path("timeout").asString()).isEqualTo("3600s");
    assertThat(template.path("session_affinity").asBoolean()).isTrue();
  }

  @Test
  void chatServer_runsAsTheSocialAccount_withTheSocialEnvironment_andTheRealtimeSwitch() {
    JsonNode social = stack.named("google_cloudfunctions2_function", "name", "stride-social-apac");
    Map<String, String> expected = new LinkedHashMap<>();
    social
        .at("/service_config/environment_variables")
        .properties()
        .forEach(e -> expected.put(e.getKey(), e.getValue().asString()));
    expected.put("STRIDE_REALTIME", "true");
    expected.remove(ChatPush.URL_ENV); // the server is the push target, it does not push to itself
    // Only the HTTP functions rate-limit in the region's Redis (RegionRedisGcpTest).
    expected.remove(RedisAccess.URL_ENV);
    expected.remove(RedisAccess.CA_ENV);
    Map<String, String> actual = new LinkedHashMap<>();
    service()
        .at("/template/containers/0/env")
        .values()
        .forEach(
            e -> {
              if (e.has("value")) {
                actual.put(e.path("name").asString(), e.path("value").asString());
              }
            });

    assertThat(service().at("/template/service_account").asString())
        .isEqualTo(social.at("/service_config/service_account_email").asString())
        .startsWith("${google_service_account.");
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void socialFunction_pushesToTheChatServer_withASecretOnlyTheSocialAccountReads() {
    JsonNode social = stack.named("google_cloudfunctions2_function", "name", "stride-social-apac");
    JsonNode secret =
        stack.named("google_secret_manager_secret", "secret_id", "stride-chat-push-secret-apac");
    String secretId = stack.ref("google_secret_manager_secret", secret, "secret_id");
    List<JsonNode> readers =
        stack.resources("google_secret_manager_secret_iam_member").values().stream()
            .filter(m -> m.path("secret_id").asString().equals(secretId))
            .toList();

    assertThat(social.at("/service_config/environment_variables/" + ChatPush.URL_ENV).asString())
        .isEqualTo(
            "${replace("
                + stack
                    .ref("google_cloud_run_v2_service", service(), "uri")
                    .replaceAll("^\\$\\{|\\}$", "")
                + ", \"https://\", \"wss://\")}/internal/push");
    assertThat(social.at("/service_config/secret_environment_variables").values())
        .filteredOn(v -> !v.path("key").asString().equals(CursorKeySecret.ENV))
        .filteredOn(v -> !v.path("key").asString().equals(RedisAccess.PASSWORD_ENV))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path("key").asString()).isEqualTo(ChatPush.SECRET_ENV);
              assertThat(v.path("secret").asString()).isEqualTo(secretId);
            });
    assertThat(service().at("/template/containers/0/env").values())
        .anySatisfy(
            e -> {
              assertThat(e.path("name").asString()).isEqualTo(ChatPush.SECRET_ENV);
              assertThat(e.at("/value_source/secret_key_ref/secret").asString())
                  .isEqualTo(secretId);
            });
    assertThat(readers)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.path("member").asString())
                    .isEqualTo(
                        "serviceAccount:"
                            + social.at("/service_config/service_account_email").asString()));
    for (JsonNode fn : stack.resources("google_cloudfunctions2_function").values()) {
      if (!fn.path("name").asString().equals("stride-social-apac")) {
        assertThat(fn.at("/service_config/environment_variables").has(ChatPush.URL_ENV))
            .as(fn.path("name").asString())
            .isFalse();
      }
    }
  }

  @Test
  void chatServer_isPublic_logsInTheRegion_alerts_andIsAnOutput() {
    String serviceName = stack.ref("google_cloud_run_v2_service", service(), "name");
    JsonNode invoker = stack.named("google_cloud_run_v2_service_iam_member", "name", serviceName);

    assertThat(invoker.path("role").asString()).isEqualTo("roles/run.invoker");
    assertThat(invoker.path("member").asString()).isEqualTo("allUsers");
    assertThat(stack.only("google_logging_project_sink").path("filter").asString())
        .contains("\"" + NAME + "\"");
    assertThat(stack.named("google_monitoring_alert_policy", "display_name", NAME + " errors"))
        .isNotNull();
    assertThat(stack.root().at("/output/realtime_url/value").asString())
        .isEqualTo(stack.ref("google_cloud_run_v2_service", service(), "uri"));
  }

  @Test
  void connectionRegistry_expiresOnExpiresAt_afterTheAuthPolicies_beforeTheIndexes() {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    stack
        .resources("google_firestore_field")
        .forEach((id, f) -> fields.put(f.path("collection").asString(), f));
    String database =
        stack.ref("google_firestore_database", stack.only("google_firestore_database"), "name");
    List<String> collections = Capabilities.SOCIAL_REALTIME.firestoreTtlCollections();
    JsonNode connections = fields.get("realtimeConnections");
    JsonNode subscriptions = fields.get("realtimeSubscriptions");

    assertThat(collections).containsExactly("realtimeConnections", "realtimeSubscriptions");
    for (JsonNode field : List.of(connections, subscriptions)) {
      assertThat(field.path("database").asString()).isEqualTo(database);
      assertThat(field.path("field").asString()).isEqualTo("expiresAt");
      assertThat(field.has("ttl_config")).isTrue();
    }
    assertThat(strings(connections.path("depends_on")))
        .containsExactly(fieldId(fields.get("authOneTimeTokens")));
    assertThat(strings(subscriptions.path("depends_on"))).containsExactly(fieldId(connections));
    // Devices' TTL policies come next (DevicesGcpTest), then the indexes.
    assertThat(strings(fields.get("imports").path("depends_on")))
        .containsExactly(fieldId(subscriptions));
  }

  private JsonNode service() {
    return stack.named("google_cloud_run_v2_service", "name", NAME);
  }

  private String fieldId(JsonNode field) {
    String ref = stack.ref("google_firestore_field", field, "id");
    return ref.substring(2, ref.length() - ".id}".length());
  }
}
