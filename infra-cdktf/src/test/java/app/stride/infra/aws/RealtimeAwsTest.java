package app.stride.infra.aws;

import static app.stride.infra.TfStack.strings;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.SynthesizedStacks;
import app.stride.infra.TfStack;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The chat channel on AWS ({@code docs/chat.md}): a WebSocket API per region whose three routes
 * invoke the realtime Lambda, a throttled and logged {@code live} stage, and pushes through the
 * management API allowed to exactly the two social Lambdas, on that stage's connections only.
 */
class RealtimeAwsTest {

  private final EnvConfig env = SynthesizedStacks.config();

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void webSocketApi_routesConnectDisconnectAndDefault_toTheRealtimeLambdasAlias(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    JsonNode api = chatApi(stack);
    String apiId = stack.ref("aws_apigatewayv2_api", api, "id");
    JsonNode fn = realtimeFunction(stack, regionId);
    JsonNode alias =
        stack.named(
            "aws_lambda_alias",
            "function_name",
            stack.ref("aws_lambda_function", fn, "function_name"));
    JsonNode integration =
        stack.named(
            "aws_apigatewayv2_integration",
            "integration_uri",
            stack.ref("aws_lambda_alias", alias, "invoke_arn"));
    String target = "integrations/" + stack.ref("aws_apigatewayv2_integration", integration, "id");
    Map<String, JsonNode> routes =
        stack.resources("aws_apigatewayv2_route").values().stream()
            .filter(r -> r.path("api_id").asString().equals(apiId))
            .collect(Collectors.toMap(r -> r.path("route_key").asString(), r -> r));
    JsonNode response = stack.only("aws_apigatewayv2_route_response");
    JsonNode permission =
        stack.named(
            "aws_lambda_permission",
            "function_name",
            stack.ref("aws_lambda_function", fn, "function_name"));

    assertThat(api.path("name").asString()).isEqualTo("stride-chat-" + regionId);
    assertThat(api.path("protocol_type").asString()).isEqualTo("WEBSOCKET");
    assertThat(api.path("route_selection_expression").asString()).isEqualTo("$request.body.type");
    assertThat(integration.path("api_id").asString()).isEqualTo(apiId);
    assertThat(integration.path("integration_type").asString()).isEqualTo("AWS_PROXY");
    assertThat(integration.has("payload_format_version")).as("WebSocket APIs use 1.0").isFalse();
    assertThat(routes.keySet()).containsExactlyInAnyOrder("$connect", "$disconnect", "$default");
    assertThat(routes.values())
        .allSatisfy(
            r -> {
              assertThat(r.path("target").asString()).isEqualTo(target);
              assertThat(r.path("authorization_type").asString()).isEqualTo("NONE");
            });
    assertThat(routes.get("$default").path("route_response_selection_expression").asString())
        .isEqualTo("$default");
    assertThat(response.path("route_id").asString())
        .isEqualTo(stack.ref("aws_apigatewayv2_route", routes.get("$default"), "id"));
    assertThat(response.path("route_response_key").asString()).isEqualTo("$default");
    assertThat(permission.path("principal").asString()).isEqualTo("apigateway.amazonaws.com");
    assertThat(permission.path("qualifier").asString())
        .isEqualTo(stack.ref("aws_lambda_alias", alias, "name"));
    assertThat(permission.path("source_arn").asString())
        .isEqualTo(stack.ref("aws_apigatewayv2_api", api, "execution_arn") + "/live/*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void realtimeLambda_runsSocialRealtime_fromTheSocialJar_withAlarms(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    JsonNode fn = realtimeFunction(stack, regionId);
    JsonNode http =
        stack.named("aws_lambda_function", "function_name", "stride-social-" + regionId);
    JsonNode vars = fn.at("/environment/variables");
    String name = "stride-social-realtime-" + regionId;

    assertThat(fn.path("filename").asString()).isEqualTo(http.path("filename").asString());
    assertThat(vars.path("MAIN_CLASS").asString()).isEqualTo(Capabilities.SOCIAL.awsMainClass());
    assertThat(vars.path("SPRING_CLOUD_FUNCTION_DEFINITION").asString())
        .isEqualTo("socialRealtime");
    assertThat(vars.path("STRIDE_SOCIAL_TABLE").asString())
        .isEqualTo(http.at("/environment/variables/STRIDE_SOCIAL_TABLE").asString());
    assertThat(vars.path("STRIDE_JWKS_URL").asString()).isEqualTo(env.auth().jwksUrl());
    assertThat(fn.path("reserved_concurrent_executions").asInt())
        .isEqualTo(env.realtime().awsMaxConcurrency());
    assertThat(stack.named("aws_cloudwatch_metric_alarm", "alarm_name", name + "-errors"))
        .isNotNull();
    assertThat(stack.named("aws_cloudwatch_metric_alarm", "alarm_name", name + "-throttles"))
        .isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void liveStage_throttles_logsWithoutIpOrConnection_afterItsRoutes_andIsTheOutput(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    JsonNode api = chatApi(stack);
    JsonNode stage = stack.named("aws_apigatewayv2_stage", "name", "live");
    JsonNode logs =
        stack.named("aws_cloudwatch_log_group", "name", "/aws/apigateway/stride-chat-" + regionId);
    List<String> routeIds = new ArrayList<>();
    stack
        .resources("aws_apigatewayv2_route")
        .forEach(
            (id, r) -> {
              if (r.path("api_id")
                  .asString()
                  .equals(stack.ref("aws_apigatewayv2_api", api, "id"))) {
                routeIds.add("aws_apigatewayv2_route." + id);
              }
            });
    JsonNode account = stack.only("aws_api_gateway_account");
    JsonNode loggingRole =
        stack.named("aws_iam_role", "name", "stride-apigateway-logs-" + regionId);

    assertThat(stage.path("api_id").asString())
        .isEqualTo(stack.ref("aws_apigatewayv2_api", api, "id"));
    assertThat(stage.path("auto_deploy").asBoolean()).isTrue();
    assertThat(stage.at("/default_route_settings/throttling_burst_limit").asInt())
        .isEqualTo(env.throttle().burstLimit());
    assertThat(stage.at("/default_route_settings/throttling_rate_limit").asDouble())
        .isEqualTo(env.throttle().rateLimit());
    assertThat(stage.at("/access_log_settings/destination_arn").asString())
        .isEqualTo(stack.ref("aws_cloudwatch_log_group", logs, "arn"));
    assertThat(stage.at("/access_log_settings/format").asString())
        .contains("$context.eventType", "$context.status")
        .doesNotContain("sourceIp", "connectionId", "principalId");
    assertThat(strings(stage.path("depends_on"))).containsAll(routeIds).hasSize(4);
    assertThat(routeIds).hasSize(3);
    assertThat(account.path("cloudwatch_role_arn").asString())
        .isEqualTo(stack.ref("aws_iam_role", loggingRole, "arn"));
    assertThat(stack.inlinePolicyStatements(loggingRole).values())
        .singleElement()
        .satisfies(
            s ->
                assertThat(strings(s.path("resources")))
                    .containsExactly(stack.ref("aws_cloudwatch_log_group", logs, "arn") + ":*"));
    assertThat(stack.root().at("/output/realtime_url/value").asString())
        .isEqualTo(stack.ref("aws_apigatewayv2_stage", stage, "invoke_url"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void manageConnections_isOnThatStagesConnectionsOnly_andOnExactlyTheTwoSocialRoles(
      String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    String connections =
        stack.ref("aws_apigatewayv2_api", chatApi(stack), "execution_arn")
            + "/live/POST/@connections/*";
    Map<String, List<JsonNode>> grants = new LinkedHashMap<>();

    for (JsonNode role : stack.resources("aws_iam_role").values()) {
      for (JsonNode statement : stack.inlinePolicyStatements(role).values()) {
        if (strings(statement.path("actions")).stream()
            .anyMatch(a -> a.startsWith("execute-api:"))) {
          grants
              .computeIfAbsent(role.path("name").asString(), k -> new ArrayList<>())
              .add(statement);
        }
      }
    }

    assertThat(grants.keySet())
        .containsExactlyInAnyOrder(
            "stride-social-" + regionId, "stride-social-realtime-" + regionId);
    assertThat(grants.values())
        .allSatisfy(
            statements ->
                assertThat(statements)
                    .singleElement()
                    .satisfies(
                        s -> {
                          assertThat(strings(s.path("actions")))
                              .containsExactly("execute-api:ManageConnections");
                          assertThat(strings(s.path("resources"))).containsExactly(connections);
                        }));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void bothSocialLambdas_getTheStagesManagementEndpoint_andNoOtherLambdaDoes(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    RegionConfig region = env.region(regionId).orElseThrow();
    String endpoint =
        "https://"
            + stack.ref("aws_apigatewayv2_api", chatApi(stack), "id")
            + ".execute-api."
            + region.location()
            + ".amazonaws.com/live";
    Map<String, String> withEndpoint = new LinkedHashMap<>();

    for (JsonNode fn : stack.resources("aws_lambda_function").values()) {
      JsonNode value = fn.at("/environment/variables/" + RealtimeApi.ENDPOINT_ENV);
      if (!value.isMissingNode()) {
        withEndpoint.put(fn.path("function_name").asString(), value.asString());
      }
    }

    assertThat(withEndpoint)
        .containsOnly(
            Map.entry("stride-social-" + regionId, endpoint),
            Map.entry("stride-social-realtime-" + regionId, endpoint));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void realtimeRole_hasTheHttpRolesGrantsButRedis_theSocialTableIncluded(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);
    List<String> http = grantsBesideLogs(stack, "stride-social-" + regionId);
    List<String> realtime = grantsBesideLogs(stack, "stride-social-realtime-" + regionId);
    String table =
        stack.ref(
            "aws_dynamodb_table",
            stack.named("aws_dynamodb_table", "name", "stride-social-" + regionId),
            "arn");

    // The same grants, except the HTTP function's Redis and network: the WebSocket function does
    // not rate-limit, so it stays out of the VPC.
    List<String> httpBesideRedis =
        http.stream()
            .filter(g -> !g.contains("\"RedisConnect\"") && !g.contains("\"VpcNetworkInterfaces\""))
            .toList();
    assertThat(http).hasSize(httpBesideRedis.size() + 2);
    assertThat(realtime).isEqualTo(httpBesideRedis);
    assertThat(realtime).anySatisfy(s -> assertThat(s).contains(table, "dynamodb:PutItem"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu", "us"})
  void noStack_namesAnotherRegionsChatApiOrRealtimeFunction(String regionId) {
    TfStack stack = SynthesizedStacks.region(regionId);

    for (RegionConfig other : env.regions()) {
      if (!other.id().equals(regionId)) {
        assertThat(stack.json())
            .doesNotContainPattern("stride-chat-" + other.id() + "(?![a-z0-9])")
            .doesNotContainPattern(other.realtimeFunctionName("social") + "(?![a-z0-9])")
            .doesNotContain(".execute-api." + other.location());
      }
    }
  }

  private static List<String> grantsBesideLogs(TfStack stack, String roleName) {
    List<String> grants = new ArrayList<>();
    stack
        .inlinePolicyStatements(stack.named("aws_iam_role", "name", roleName))
        .values()
        .forEach(
            s -> {
              if (!s.path("sid").asString().equals("Logs")) {
                grants.add(s.toString());
              }
            });
    return grants;
  }

  private static JsonNode chatApi(TfStack stack) {
    return stack.named("aws_apigatewayv2_api", "protocol_type", "WEBSOCKET");
  }

  private static JsonNode realtimeFunction(TfStack stack, String regionId) {
    return stack.named(
        "aws_lambda_function", "function_name", "stride-social-realtime-" + regionId);
  }
}
