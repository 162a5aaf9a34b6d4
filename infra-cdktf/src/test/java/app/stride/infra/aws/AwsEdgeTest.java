package app.stride.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.config.EnvConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class AwsEdgeTest {

  private final EnvConfig env = SynthesizedStacks.config();

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void stage_throttlesByDefault_andEveryAuthRouteStricter_afterTheRoutesExist(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode stage = stack.named("aws_apigatewayv2_stage", "name", "$default");
    String httpApi =
        stack.ref(
            "aws_apigatewayv2_api",
            stack.named("aws_apigatewayv2_api", "protocol_type", "HTTP"),
            "id");
    Map<String, JsonNode> settings = new LinkedHashMap<>();
    stage
        .path("route_settings")
        .values()
        .forEach(s -> settings.put(s.path("route_key").asString(), s));

    assertThat(stage.path("default_route_settings").path("throttling_burst_limit").asInt())
        .isEqualTo(env.throttle().burstLimit());
    assertThat(stage.path("default_route_settings").path("throttling_rate_limit").asDouble())
        .isEqualTo(env.throttle().rateLimit());
    assertThat(settings.keySet()).containsExactlyInAnyOrderElementsOf(AuthRoutes.allRoutes());
    assertThat(settings.values())
        .allSatisfy(
            s -> {
              assertThat(s.path("throttling_burst_limit").asInt())
                  .isEqualTo(env.edge().authThrottle().burstLimit());
              assertThat(s.path("throttling_rate_limit").asDouble())
                  .isEqualTo(env.edge().authThrottle().rateLimit());
            });
    assertThat(env.edge().authThrottle().rateLimit()).isLessThan(env.throttle().rateLimit());
    assertThat(TfStack.strings(stage.path("depends_on")))
        .hasSize(
            (int)
                stack.resources("aws_apigatewayv2_route").values().stream()
                    .filter(r -> r.path("api_id").asString().equals(httpApi))
                    .count());
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void accessLog_feedsA429Metric_withAnAlarm(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode stage = stack.named("aws_apigatewayv2_stage", "name", "$default");
    JsonNode filter = stack.only("aws_cloudwatch_log_metric_filter");
    JsonNode alarm =
        stack.named(
            "aws_cloudwatch_metric_alarm", "alarm_name", "stride-" + region + "-api-throttled");

    assertThat(stage.path("access_log_settings").path("format").asString())
        .contains("\"status\":$context.status")
        .doesNotContain("sourceIp");
    assertThat(filter.path("pattern").asString()).isEqualTo("{ $.status = 429 }");
    assertThat(filter.path("metric_transformation").path("name").asString())
        .isEqualTo(ApiStage.THROTTLED_METRIC);
    assertThat(alarm.path("namespace").asString()).isEqualTo(ApiStage.NAMESPACE);
    assertThat(alarm.path("metric_name").asString()).isEqualTo(ApiStage.THROTTLED_METRIC);
    assertThat(alarm.path("threshold").asInt())
        .isEqualTo(env.alerting().throttledRequestsThreshold());
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void webAcl_isCloudFrontScoped_inUsEast1_withRateRulesAndCommonRuleSetOnAuthPaths(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode acl = stack.only("aws_wafv2_web_acl");
    Map<String, JsonNode> rules = new LinkedHashMap<>();
    acl.path("rule").values().forEach(r -> rules.put(r.path("name").asString(), r));

    assertThat(acl.path("scope").asString()).isEqualTo("CLOUDFRONT");
    assertThat(acl.path("provider").asString()).isEqualTo("aws.edge");
    assertThat(rules)
        .containsOnlyKeys(
            "auth-rate-limit", "webhook-rate-limit", "ip-rate-limit", "common-rule-set");
    JsonNode authRate = rules.get("auth-rate-limit").path("statement").path("rate_based_statement");
    assertThat(authRate.path("limit").asInt()).isEqualTo(env.edge().wafAuthRequestsPer5Min());
    assertThat(authRate.path("aggregate_key_type").asString()).isEqualTo("IP");
    assertThat(uriPrefixes(authRate.path("scope_down_statement")))
        .containsExactlyElementsOf(AuthPaths.prefixes());
    assertThat(
            rules
                .get("auth-rate-limit")
                .path("action")
                .path("block")
                .path("custom_response")
                .path("response_code")
                .asInt())
        .isEqualTo(429);
    assertThat(
            rules
                .get("ip-rate-limit")
                .path("statement")
                .path("rate_based_statement")
                .path("limit")
                .asInt())
        .isEqualTo(env.edge().wafRequestsPer5Min());
    JsonNode managed =
        rules.get("common-rule-set").path("statement").path("managed_rule_group_statement");
    assertThat(managed.path("vendor_name").asString()).isEqualTo("AWS");
    assertThat(managed.path("name").asString()).isEqualTo("AWSManagedRulesCommonRuleSet");
    assertThat(uriPrefixes(managed.path("scope_down_statement")))
        .containsExactlyElementsOf(AuthPaths.prefixes());
    assertThat(rules.get("common-rule-set").path("override_action").has("none")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void cloudFront_frontsTheHttpApi_withTheAcl_andASecretOriginHeaderFromAVariable(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode distribution = stack.only("aws_cloudfront_distribution");
    JsonNode origin = distribution.path("origin").get(0);
    JsonNode header = origin.path("custom_header").get(0);
    JsonNode variable = stack.root().path("variable").path(EdgeProtection.ORIGIN_SECRET_VARIABLE);

    assertThat(distribution.path("web_acl_id").asString())
        .isEqualTo(stack.ref("aws_wafv2_web_acl", stack.only("aws_wafv2_web_acl"), "arn"));
    assertThat(origin.path("domain_name").asString()).contains("aws_apigatewayv2_api.");
    assertThat(origin.path("custom_origin_config").path("origin_protocol_policy").asString())
        .isEqualTo("https-only");
    assertThat(header.path("name").asString()).isEqualTo(EdgeProtection.ORIGIN_HEADER);
    assertThat(header.path("value").asString()).isEqualTo("${var.origin_verify_secret}");
    assertThat(variable.path("sensitive").asBoolean()).isTrue();
    assertThat(variable.has("default")).isFalse();
    assertThat(
            distribution.path("default_cache_behavior").path("viewer_protocol_policy").asString())
        .isEqualTo("https-only");
    assertThat(
            stack
                .dataSources("aws_cloudfront_cache_policy")
                .values()
                .iterator()
                .next()
                .path("name")
                .asString())
        .isEqualTo(EdgeProtection.CACHE_POLICY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void cloudFront_writesTheViewersAddress_onEveryViewerRequest_andForwardsItToTheApi(
      String region) {
    TfStack stack = SynthesizedStacks.region(region);
    JsonNode distribution = stack.only("aws_cloudfront_distribution");
    JsonNode behavior = distribution.path("default_cache_behavior");
    JsonNode association = behavior.path("function_association").get(0);
    JsonNode function = stack.only("aws_cloudfront_function");
    JsonNode originPolicy =
        stack.dataSources("aws_cloudfront_origin_request_policy").values().iterator().next();
    String code = function.path("code").asString();

    assertThat(behavior.path("function_association").size()).isEqualTo(1);
    assertThat(association.path("event_type").asString()).isEqualTo("viewer-request");
    assertThat(association.path("function_arn").asString())
        .isEqualTo(stack.ref("aws_cloudfront_function", function, "arn"));
    assertThat(function.path("publish").asBoolean()).isTrue();
    assertThat(function.path("runtime").asString()).isEqualTo(ViewerAddressFunction.RUNTIME);
    // the header is set (so a viewer's own value is replaced) from the connection's address
    assertThat(code)
        .contains("request.headers['x-stride-viewer-address'] = { value: event.viewer.ip }")
        .contains("return request;");
    assertThat(ViewerAddressFunction.HEADER).isEqualTo("X-Stride-Viewer-Address");
    // forwarded to the API as a viewer header: every viewer header but Host, Authorization included
    assertThat(originPolicy.path("name").asString())
        .isEqualTo(EdgeProtection.ORIGIN_REQUEST_POLICY)
        .isEqualTo("Managed-AllViewerExceptHostHeader");
    assertThat(behavior.path("origin_request_policy_id").asString())
        .isEqualTo(
            "${data.aws_cloudfront_origin_request_policy."
                + stack
                    .dataSources("aws_cloudfront_origin_request_policy")
                    .keySet()
                    .iterator()
                    .next()
                + ".id}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void everyAlarm_notifiesTheRegionsTopic_subscribedByTheConfiguredAddresses(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    String topic =
        stack.ref(
            "aws_sns_topic",
            stack.named("aws_sns_topic", "name", "stride-alarms-" + region),
            "arn");
    List<String> endpoints = new ArrayList<>();
    stack.resources("aws_sns_topic_subscription").values().stream()
        .filter(s -> s.path("topic_arn").asString().equals(topic))
        .forEach(s -> endpoints.add(s.path("endpoint").asString()));

    assertThat(stack.resources("aws_cloudwatch_metric_alarm").values())
        .isNotEmpty()
        .allSatisfy(
            alarm -> {
              assertThat(TfStack.strings(alarm.path("alarm_actions"))).containsExactly(topic);
              assertThat(TfStack.strings(alarm.path("ok_actions"))).containsExactly(topic);
            });
    assertThat(endpoints).containsExactlyElementsOf(env.alerting().emails());
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void everyFunction_hasAThrottlesAlarm_andTheRegionABreakerOpenAlarm(String region) {
    TfStack stack = SynthesizedStacks.region(region);
    List<String> throttled = new ArrayList<>();
    stack
        .resources("aws_cloudwatch_metric_alarm")
        .values()
        .forEach(
            a -> {
              if ("Throttles".equals(a.path("metric_name").asString(null))) {
                throttled.add(a.path("dimensions").path("FunctionName").asString());
              }
            });
    List<String> functions = new ArrayList<>();
    stack
        .resources("aws_lambda_function")
        .values()
        .forEach(f -> functions.add(f.path("function_name").asString()));
    JsonNode breaker =
        stack.named(
            "aws_cloudwatch_metric_alarm", "alarm_name", "stride-" + region + "-breaker-open");
    JsonNode query = breaker.path("metric_query").get(0);

    assertThat(throttled).containsExactlyInAnyOrderElementsOf(functions);
    assertThat(query.path("expression").asString())
        .isEqualTo("SELECT MAX(\"stride.breaker.state\") FROM \"Stride\"");
    assertThat(query.path("return_data").asBoolean()).isTrue();
    assertThat(breaker.path("threshold").asDouble()).isEqualTo(1.0);
    assertThat(breaker.path("comparison_operator").asString())
        .isEqualTo("GreaterThanOrEqualToThreshold");
  }

  private static List<String> uriPrefixes(JsonNode scopeDown) {
    List<String> prefixes = new ArrayList<>();
    scopeDown
        .path("or_statement")
        .path("statement")
        .values()
        .forEach(
            s -> {
              JsonNode match = s.path("byte_match_statement");
              assertThat(match.path("positional_constraint").asString()).isEqualTo("STARTS_WITH");
              assertThat(match.path("field_to_match").has("uri_path")).isTrue();
              prefixes.add(match.path("search_string").asString());
            });
    return prefixes;
  }
}
