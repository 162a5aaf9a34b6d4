package app.stride.infra.aws;

import com.hashicorp.cdktf.providers.aws.apigatewayv2_integration.Apigatewayv2Integration;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_route.Apigatewayv2Route;
import com.hashicorp.cdktf.providers.aws.lambda_alias.LambdaAlias;
import com.hashicorp.cdktf.providers.aws.lambda_permission.LambdaPermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.constructs.Construct;

/**
 * Routes of the region's HTTP API to one function alias: an {@code AWS_PROXY} integration (payload
 * 2.0), one route per route key, open or through the API's JWT authorizer, and API Gateway's
 * permission to invoke the alias from this API only. Declared in the caller's scope, so each
 * capability's routes keep their construct ids.
 */
final class ApiRoutes {

  /**
   * One route.
   *
   * @param routeKey e.g. {@code GET /v1/me/profile}
   * @param bearer whether the JWT authorizer guards it
   */
  record Route(String routeKey, boolean bearer) {}

  private ApiRoutes() {}

  /**
   * Declares in {@code scope} the integration {@code integrationId}, a construct {@code
   * route_<key>} per route and the permission {@code invoke}.
   *
   * @return the routes, for the stage to depend on
   */
  static List<Apigatewayv2Route> declare(
      Construct scope,
      String integrationId,
      ProfilesHttpApi api,
      String functionName,
      LambdaAlias alias,
      int timeoutSeconds,
      List<Route> routes) {
    Apigatewayv2Integration integration =
        Apigatewayv2Integration.Builder.create(scope, integrationId)
            .apiId(api.apiId())
            .integrationType("AWS_PROXY")
            .integrationMethod("POST")
            .integrationUri(alias.getInvokeArn())
            .payloadFormatVersion("2.0")
            .timeoutMilliseconds(timeoutSeconds * 1000)
            .build();
    List<Apigatewayv2Route> declared = new ArrayList<>();
    for (Route route : routes) {
      Apigatewayv2Route.Builder builder =
          Apigatewayv2Route.Builder.create(scope, routeId(route.routeKey()))
              .apiId(api.apiId())
              .routeKey(route.routeKey())
              .target("integrations/" + integration.getId());
      if (route.bearer()) {
        builder.authorizationType("JWT").authorizerId(api.jwtAuthorizerId());
      } else {
        builder.authorizationType("NONE");
      }
      declared.add(builder.build());
    }
    allowInvoke(scope, "AllowHttpApiInvoke", functionName, alias, api.executionArn() + "/*/*");
    return declared;
  }

  /**
   * Declares in {@code scope} the permission {@code invoke}: API Gateway may invoke {@code alias}
   * for requests whose ARN matches {@code sourceArn} (one API, or one stage of it), nothing else.
   */
  static LambdaPermission allowInvoke(
      Construct scope,
      String statementId,
      String functionName,
      LambdaAlias alias,
      String sourceArn) {
    return LambdaPermission.Builder.create(scope, "invoke")
        .statementId(statementId)
        .action("lambda:InvokeFunction")
        .functionName(functionName)
        .qualifier(alias.getName())
        .principal("apigateway.amazonaws.com")
        .sourceArn(sourceArn)
        .build();
  }

  private static String routeId(String routeKey) {
    return "route_" + routeKey.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
  }
}
