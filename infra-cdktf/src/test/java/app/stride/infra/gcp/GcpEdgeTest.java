package app.stride.infra.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.aws.AuthPaths;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GcpEdgeTest {

  private final EnvConfig env = SynthesizedStacks.config();
  private final RegionConfig apac = env.region("apac").orElseThrow();
  private final TfStack stack = SynthesizedStacks.stack(apac.stackName());

  @Test
  void gatewayResources_useTheGoogleBetaProvider_pinnedLikeGoogle() {
    JsonNode providers = stack.root().path("terraform").path("required_providers");

    assertThat(providers.path("google-beta").path("version").asString())
        .isEqualTo(providers.path("google").path("version").asString());
    for (String type :
        List.of(
            "google_api_gateway_api",
            "google_api_gateway_api_config",
            "google_api_gateway_gateway",
            "google_compute_region_network_endpoint_group")) {
      assertThat(stack.only(type).path("provider").asString()).as(type).isEqualTo("google-beta");
    }
    assertThat(stack.only("google_api_gateway_gateway").path("region").asString())
        .isEqualTo(apac.location());
  }

  @Test
  void gatewayConfig_isTheDerivedDocument_routedToTheRegionsFunctions() {
    JsonNode config = stack.only("google_api_gateway_api_config");
    JsonNode document = config.path("openapi_documents").get(0).path("document");
    String contents = document.path("contents").asString();

    assertThat(contents).startsWith("${base64encode(jsonencode(");
    assertThat(contents)
        .contains("x-google-api-management")
        .contains(serviceUri(apac.profilesFunctionName()))
        .contains(serviceUri(apac.authFunctionName()));
    for (String operationId : List.of("getMyProfile", "login", "socialSignIn", "deleteMyAccount")) {
      assertThat(contents).contains("\"" + operationId + "\"");
    }
    assertThat(config.path("lifecycle").path("create_before_destroy").asBoolean()).isTrue();
    assertThat(stack.only("google_api_gateway_gateway").path("api_config").asString())
        .isEqualTo(stack.ref("google_api_gateway_api_config", config, "id"));
  }

  /** How the document refers to a function's Cloud Run URL. */
  private String serviceUri(String functionName) {
    JsonNode fn = stack.named("google_cloudfunctions2_function", "name", functionName);
    String ref = stack.ref("google_cloudfunctions2_function", fn, "service_config");
    return ref.substring(2, ref.length() - 1) + "[0].uri";
  }

  @Test
  void loadBalancer_frontsTheGatewayThroughAServerlessNeg_withCloudArmor() {
    JsonNode neg = stack.only("google_compute_region_network_endpoint_group");
    JsonNode backend = stack.only("google_compute_backend_service");
    JsonNode policy = stack.only("google_compute_security_policy");
    JsonNode cert = stack.only("google_compute_managed_ssl_certificate");

    assertThat(neg.path("serverless_deployment").path("platform").asString())
        .isEqualTo("apigateway.googleapis.com");
    assertThat(neg.path("serverless_deployment").path("resource").asString())
        .contains("google_api_gateway_gateway.");
    assertThat(backend.path("load_balancing_scheme").asString()).isEqualTo("EXTERNAL_MANAGED");
    assertThat(backend.path("security_policy").asString())
        .isEqualTo(stack.ref("google_compute_security_policy", policy, "id"));
    assertThat(backend.path("backend").get(0).path("group").asString())
        .isEqualTo(stack.ref("google_compute_region_network_endpoint_group", neg, "id"));
    assertThat(TfStack.strings(cert.path("managed").path("domains")))
        .containsExactly("api-apac." + env.edge().apiDomain());
    assertThat(stack.only("google_compute_global_forwarding_rule").path("port_range").asString())
        .isEqualTo("443");
  }

  @Test
  void cloudArmor_throttlesAuthPathsAndWebhooks_bansFloodingIps_andAllowsTheRest() {
    Map<Integer, JsonNode> rules = new LinkedHashMap<>();
    stack
        .only("google_compute_security_policy")
        .path("rule")
        .values()
        .forEach(r -> rules.put(r.path("priority").asInt(), r));
    JsonNode throttle = rules.get(EdgeLoadBalancer.AUTH_THROTTLE_PRIORITY);
    JsonNode ban = rules.get(EdgeLoadBalancer.BAN_PRIORITY);

    assertThat(rules.keySet())
        .containsExactlyInAnyOrder(
            EdgeLoadBalancer.AUTH_THROTTLE_PRIORITY,
            EdgeLoadBalancer.WEBHOOK_THROTTLE_PRIORITY,
            EdgeLoadBalancer.BAN_PRIORITY,
            EdgeLoadBalancer.DEFAULT_PRIORITY);
    assertThat(throttle.path("action").asString()).isEqualTo("throttle");
    for (String prefix : AuthPaths.prefixes()) {
      assertThat(throttle.path("match").path("expr").path("expression").asString())
          .contains("request.path.startsWith('" + prefix + "')");
    }
    assertThat(throttle.path("rate_limit_options").path("exceed_action").asString())
        .isEqualTo("deny(429)");
    assertThat(
            throttle.path("rate_limit_options").path("rate_limit_threshold").path("count").asInt())
        .isEqualTo(env.edge().armorAuthRequestsPerMinute());
    // Webhooks: their own, higher per-IP limit, matched before the ban (a conforming request is
    // allowed there, so a provider pushing for many users is never banned by the general rule).
    JsonNode webhooks = rules.get(EdgeLoadBalancer.WEBHOOK_THROTTLE_PRIORITY);
    assertThat(EdgeLoadBalancer.WEBHOOK_THROTTLE_PRIORITY)
        .isGreaterThan(EdgeLoadBalancer.AUTH_THROTTLE_PRIORITY)
        .isLessThan(EdgeLoadBalancer.BAN_PRIORITY);
    assertThat(webhooks.path("action").asString()).isEqualTo("throttle");
    assertThat(webhooks.path("match").path("expr").path("expression").asString())
        .isEqualTo("request.path.startsWith('/v1/webhooks/')");
    assertThat(webhooks.path("rate_limit_options").path("enforce_on_key").asString())
        .isEqualTo("IP");
    assertThat(
            webhooks.path("rate_limit_options").path("rate_limit_threshold").path("count").asInt())
        .isEqualTo(env.edge().armorWebhookRequestsPerMinute())
        .isGreaterThan(env.edge().armorAuthRequestsPerMinute());
    assertThat(ban.path("action").asString()).isEqualTo("rate_based_ban");
    assertThat(ban.path("rate_limit_options").path("ban_duration_sec").asInt())
        .isEqualTo(env.edge().armorBanSeconds());
    assertThat(ban.path("rate_limit_options").path("rate_limit_threshold").path("count").asInt())
        .isEqualTo(env.edge().armorRequestsPerMinute());
    assertThat(rules.get(EdgeLoadBalancer.DEFAULT_PRIORITY).path("action").asString())
        .isEqualTo("allow");
  }

  @Test
  void everyAlertPolicy_notifiesTheConfiguredChannels_andThe429AndBreakerAlertsExist() {
    List<String> channels = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    stack
        .resources("google_monitoring_notification_channel")
        .forEach(
            (id, c) -> {
              channels.add("${google_monitoring_notification_channel." + id + ".name}");
              emails.add(c.path("labels").path("email_address").asString());
            });
    List<String> filters = new ArrayList<>();
    stack
        .resources("google_monitoring_alert_policy")
        .values()
        .forEach(
            p -> {
              assertThat(TfStack.strings(p.path("notification_channels")))
                  .as(p.path("display_name").asString())
                  .containsExactlyElementsOf(channels);
              filters.add(
                  p.path("conditions")
                      .get(0)
                      .path("condition_threshold")
                      .path("filter")
                      .asString());
            });

    assertThat(emails).containsExactlyElementsOf(env.alerting().emails());
    assertThat(filters)
        .anyMatch(
            f -> f.contains("serviceruntime.googleapis.com/api/request_count") && f.contains("429"))
        .anyMatch(
            f ->
                f.contains("loadbalancing.googleapis.com/https/request_count") && f.contains("429"))
        .anyMatch(f -> f.contains(apac.profilesFunctionName()) && f.contains("\"429\""))
        .anyMatch(f -> f.contains(apac.authFunctionName()) && f.contains("\"429\""))
        .anyMatch(f -> f.contains(EdgeAlerts.BREAKER_METRIC));
  }
}
