package app.stride.infra.aws;

import app.stride.infra.config.ObservabilityConfig;
import app.stride.infra.config.RegionConfig;
import app.stride.infra.config.ThrottleConfig;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.aws.api_gateway_account.ApiGatewayAccount;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_integration.Apigatewayv2Integration;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_route.Apigatewayv2Route;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_route_response.Apigatewayv2RouteResponse;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_stage.Apigatewayv2Stage;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_stage.Apigatewayv2StageAccessLogSettings;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_stage.Apigatewayv2StageDefaultRouteSettings;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;

/**
 * The routes and stage of the region's WebSocket API ({@link RealtimeApi}): {@value #CONNECT},
 * {@value #DISCONNECT} and {@value #DEFAULT} integrated ({@code AWS_PROXY}) with the realtime
 * function's alias, {@value #DEFAULT} with a route response so a frame's answer is the function's
 * body; API Gateway may invoke that alias from this API's {@value RealtimeApi#STAGE} stage only. No
 * route has an authorizer: the token is offered as a subprotocol, which API Gateway authorizers
 * cannot read, and {@code $connect} refuses the upgrade itself (401).
 *
 * <p>The stage throttles like the HTTP API's ({@code throttle}) and writes JSON access logs (no
 * source IP, no connection id) to {@code /aws/apigateway/stride-chat-<id>}. Unlike HTTP APIs,
 * WebSocket APIs log through the region's API Gateway account role, so this declares that role
 * (writing to this log group only) and the account setting naming it.
 */
public final class RealtimeRoutes extends Construct {

  /** The route of a new connection (the upgrade). */
  public static final String CONNECT = "$connect";

  /** The route of a closed connection. */
  public static final String DISCONNECT = "$disconnect";

  /** The route of every client frame. */
  public static final String DEFAULT = "$default";

  /** Time limit of one event (API Gateway allows at most 29 s). */
  public static final int TIMEOUT_SECONDS = CapabilityLambda.TIMEOUT_SECONDS;

  /** The access log line of a WebSocket event: no source IP, no user, no connection id. */
  public static final String ACCESS_LOG_FORMAT =
      "{\"requestId\":\"$context.requestId\",\"eventType\":\"$context.eventType\","
          + "\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\","
          + "\"integrationStatus\":\"$context.integrationStatus\","
          + "\"integrationLatencyMs\":\"$context.integrationLatency\","
          + "\"error\":\"$context.error.responseType\"}";

  private final List<Apigatewayv2Route> routes = new ArrayList<>();
  private final Apigatewayv2Stage stage;

  /** Routes {@code api} to {@code function} and creates the stage after the routes. */
  public RealtimeRoutes(
      Construct scope,
      String id,
      RegionConfig region,
      RealtimeApi api,
      CapabilityLambda function,
      ThrottleConfig throttle,
      ObservabilityConfig observability) {
    super(scope, id);
    Apigatewayv2Integration integration =
        Apigatewayv2Integration.Builder.create(this, "integration")
            .apiId(api.apiId())
            .integrationType("AWS_PROXY")
            .integrationMethod("POST")
            .integrationUri(function.alias().getInvokeArn())
            .timeoutMilliseconds(TIMEOUT_SECONDS * 1000)
            .build();
    String target = "integrations/" + integration.getId();
    routes.add(route("route_connect", api, CONNECT, target).build());
    routes.add(route("route_disconnect", api, DISCONNECT, target).build());
    Apigatewayv2Route defaultRoute =
        route("route_default", api, DEFAULT, target)
            .routeResponseSelectionExpression(DEFAULT)
            .build();
    routes.add(defaultRoute);
    Apigatewayv2RouteResponse.Builder.create(this, "default_response")
        .apiId(api.apiId())
        .routeId(defaultRoute.getId())
        .routeResponseKey(DEFAULT)
        .build();
    ApiRoutes.allowInvoke(
        this,
        "AllowWebSocketApiInvoke",
        function.functionName(),
        function.alias(),
        api.executionArn() + "/" + RealtimeApi.STAGE + "/*");
    CloudwatchLogGroup logs =
        CloudwatchLogGroup.Builder.create(this, "access_logs")
            .name("/aws/apigateway/stride-chat-" + region.id())
            .retentionInDays(observability.logRetentionDays())
            .build();
    LoggingRole logging = loggingRole(region, logs);
    ApiGatewayAccount account =
        ApiGatewayAccount.Builder.create(this, "logging_account")
            .cloudwatchRoleArn(logging.arn())
            .dependsOn(List.of(logging.policy()))
            .build();
    List<ITerraformDependable> dependsOn = new ArrayList<>(routes);
    dependsOn.add(account);
    stage =
        Apigatewayv2Stage.Builder.create(this, "stage")
            .apiId(api.apiId())
            .name(RealtimeApi.STAGE)
            .autoDeploy(true)
            .defaultRouteSettings(
                Apigatewayv2StageDefaultRouteSettings.builder()
                    .throttlingBurstLimit(throttle.burstLimit())
                    .throttlingRateLimit(throttle.rateLimit())
                    .build())
            .accessLogSettings(
                Apigatewayv2StageAccessLogSettings.builder()
                    .destinationArn(logs.getArn())
                    .format(ACCESS_LOG_FORMAT)
                    .build())
            .dependsOn(dependsOn)
            .build();
  }

  private Apigatewayv2Route.Builder route(
      String id, RealtimeApi api, String routeKey, String target) {
    return Apigatewayv2Route.Builder.create(this, id)
        .apiId(api.apiId())
        .routeKey(routeKey)
        .authorizationType("NONE")
        .target(target);
  }

  private record LoggingRole(String arn, IamRolePolicy policy) {}

  /**
   * The role API Gateway writes access logs with: assumable by API Gateway only, one inline policy
   * writing to {@code logs} only.
   */
  private LoggingRole loggingRole(RegionConfig region, CloudwatchLogGroup logs) {
    DataAwsIamPolicyDocument trust =
        FunctionRole.serviceTrust(
            this, "logging_trust", "apigateway.amazonaws.com", Optional.empty());
    IamRole role =
        IamRole.Builder.create(this, "logging_role")
            .name("stride-apigateway-logs-" + region.id())
            .assumeRolePolicy(trust.getJson())
            .build();
    DataAwsIamPolicyDocument permissions =
        DataAwsIamPolicyDocument.Builder.create(this, "logging_permissions")
            .statement(
                List.of(
                    FunctionRole.allow(
                        "AccessLogs",
                        List.of(
                            "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"),
                        logs.getArn() + ":*")))
            .build();
    IamRolePolicy policy =
        IamRolePolicy.Builder.create(this, "logging_policy")
            .name("stride-apigateway-logs-" + region.id())
            .role(role.getId())
            .policy(permissions.getJson())
            .build();
    return new LoggingRole(role.getArn(), policy);
  }

  /** The routes, by route key order {@code $connect}, {@code $disconnect}, {@code $default}. */
  public List<Apigatewayv2Route> routes() {
    return List.copyOf(routes);
  }

  /** The stage's {@code wss://} URL. */
  public String url() {
    return stage.getInvokeUrl();
  }
}
