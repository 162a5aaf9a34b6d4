package app.stride.infra.aws;

import app.stride.infra.config.AuthConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_api.Apigatewayv2Api;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_authorizer.Apigatewayv2Authorizer;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_authorizer.Apigatewayv2AuthorizerJwtConfiguration;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_integration.Apigatewayv2Integration;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_route.Apigatewayv2Route;
import com.hashicorp.cdktf.providers.aws.lambda_permission.LambdaPermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.constructs.Construct;

/**
 * The region's HTTP API: the API itself, its JWT authorizer, and the JWT-authorized profile routes
 * to the function's alias. Its {@code $default} stage is {@link ApiStage}, created once every
 * capability has added its routes. Other capabilities add their routes to this API ({@link
 * #apiId()}, {@link #jwtAuthorizerId()}, {@link #executionArn()}).
 */
public final class ProfilesHttpApi extends Construct {

  /** Route keys served by the profiles function (see {@code api-specs}). */
  public static final List<String> ROUTES =
      List.of(
          "GET /v1/me/profile",
          "PUT /v1/me/profile",
          "PATCH /v1/me/profile",
          "DELETE /v1/me/profile");

  private final Apigatewayv2Api api;
  private final Apigatewayv2Authorizer authorizer;
  private final List<Apigatewayv2Route> routes = new ArrayList<>();

  /** Creates API, authorizer, integration, routes and API Gateway's permission to invoke. */
  public ProfilesHttpApi(
      Construct scope, String id, RegionConfig region, AuthConfig auth, ProfilesLambda function) {
    super(scope, id);
    api =
        Apigatewayv2Api.Builder.create(this, "api")
            .name("stride-" + region.id())
            .protocolType("HTTP")
            .build();
    authorizer =
        Apigatewayv2Authorizer.Builder.create(this, "jwt")
            .apiId(api.getId())
            .name("stride-jwt")
            .authorizerType("JWT")
            .identitySources(List.of("$request.header.Authorization"))
            .jwtConfiguration(
                Apigatewayv2AuthorizerJwtConfiguration.builder()
                    .issuer(auth.jwtIssuer())
                    .audience(auth.jwtAudience())
                    .build())
            .build();
    Apigatewayv2Integration integration =
        Apigatewayv2Integration.Builder.create(this, "profiles")
            .apiId(api.getId())
            .integrationType("AWS_PROXY")
            .integrationMethod("POST")
            .integrationUri(function.alias().getInvokeArn())
            .payloadFormatVersion("2.0")
            .timeoutMilliseconds(10_000)
            .build();
    for (String routeKey : ROUTES) {
      Apigatewayv2Route route =
          Apigatewayv2Route.Builder.create(this, routeId(routeKey))
              .apiId(api.getId())
              .routeKey(routeKey)
              .target("integrations/" + integration.getId())
              .authorizationType("JWT")
              .authorizerId(authorizer.getId())
              .build();
      routes.add(route);
    }
    LambdaPermission.Builder.create(this, "invoke")
        .statementId("AllowHttpApiInvoke")
        .action("lambda:InvokeFunction")
        .functionName(function.functionName())
        .qualifier(function.alias().getName())
        .principal("apigateway.amazonaws.com")
        .sourceArn(api.getExecutionArn() + "/*/*")
        .build();
  }

  private static String routeId(String routeKey) {
    return "route_" + routeKey.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
  }

  /** The profile routes. */
  public List<Apigatewayv2Route> routes() {
    return List.copyOf(routes);
  }

  /** The API's base URL. */
  public String endpoint() {
    return api.getApiEndpoint();
  }

  /** The API's id, for other capabilities' routes and integrations. */
  public String apiId() {
    return api.getId();
  }

  /** The id of the JWT authorizer (issuer and audience of the config). */
  public String jwtAuthorizerId() {
    return authorizer.getId();
  }

  /** The API's execution ARN, the source of Lambda invoke permissions. */
  public String executionArn() {
    return api.getExecutionArn();
  }
}
