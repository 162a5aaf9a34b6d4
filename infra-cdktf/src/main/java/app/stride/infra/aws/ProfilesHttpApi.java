package app.stride.infra.aws;

import app.stride.infra.config.AuthConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_api.Apigatewayv2Api;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_authorizer.Apigatewayv2Authorizer;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_authorizer.Apigatewayv2AuthorizerJwtConfiguration;
import java.util.List;
import software.constructs.Construct;

/**
 * The region's HTTP API {@code stride-<id>} and its JWT authorizer (the name is historical: the API
 * began with the profile routes). Every capability adds its routes to it ({@link CapabilityRoutes},
 * {@link AuthRoutes}) through {@link #apiId()}, {@link #jwtAuthorizerId()} and {@link
 * #executionArn()}; its {@code $default} stage is {@link ApiStage}, created once every capability
 * has added its routes.
 */
public final class ProfilesHttpApi extends Construct {

  private final Apigatewayv2Api api;
  private final Apigatewayv2Authorizer authorizer;

  /** Creates the API and its authorizer (issuer and audience of the config). */
  public ProfilesHttpApi(Construct scope, String id, RegionConfig region, AuthConfig auth) {
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
  }

  /** The API's base URL. */
  public String endpoint() {
    return api.getApiEndpoint();
  }

  /** The API's id, for the capabilities' routes and integrations. */
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
