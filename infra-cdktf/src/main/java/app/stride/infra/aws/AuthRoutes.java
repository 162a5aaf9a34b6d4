package app.stride.infra.aws;

import com.hashicorp.cdktf.providers.aws.apigatewayv2_route.Apigatewayv2Route;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * The auth routes of the region's HTTP API, to the auth function's alias (payload 2.0). These are
 * the operations of {@code api-specs/openapi/mobile-api.yaml} whose {@code x-stride-function} is
 * {@code auth} ({@code AuthRoutesTest} keeps the lists equal to the spec): the ones without {@code
 * security} are open (sign-up, sign-in, token refresh, recovery, the JWKS), the others go through
 * the API's JWT authorizer like the profile routes. The function verifies tokens again itself.
 */
public final class AuthRoutes extends Construct {

  /** Routes the spec leaves open ({@code security: []}). */
  public static final List<String> PUBLIC_ROUTES =
      List.of(
          "POST /v1/auth/register",
          "POST /v1/auth/verify-email",
          "POST /v1/auth/login",
          "POST /v1/auth/mfa/verify",
          "POST /v1/auth/social/{provider}",
          "POST /v1/auth/token/refresh",
          "POST /v1/auth/logout",
          "GET /.well-known/jwks.json",
          "POST /v1/auth/password/forgot",
          "POST /v1/auth/password/reset");

  /** Routes the spec protects with {@code bearerAuth}. */
  public static final List<String> BEARER_ROUTES =
      List.of(
          "POST /v1/auth/logout-all",
          "POST /v1/me/password",
          "POST /v1/me/mfa/totp",
          "POST /v1/me/mfa/totp/confirm",
          "POST /v1/me/mfa/totp/disable",
          "GET /v1/me/account",
          "POST /v1/me/account/delete");

  private final List<Apigatewayv2Route> routes = new ArrayList<>();

  /** Every auth route key, open ones first: the routes the stricter throttling and WAF cover. */
  public static List<String> allRoutes() {
    List<String> all = new ArrayList<>(PUBLIC_ROUTES);
    all.addAll(BEARER_ROUTES);
    return all;
  }

  /** Adds the integration, every route and API Gateway's permission to invoke the alias. */
  public AuthRoutes(Construct scope, String id, ProfilesHttpApi api, AuthLambda function) {
    super(scope, id);
    List<ApiRoutes.Route> all = new ArrayList<>();
    PUBLIC_ROUTES.forEach(key -> all.add(new ApiRoutes.Route(key, false)));
    BEARER_ROUTES.forEach(key -> all.add(new ApiRoutes.Route(key, true)));
    routes.addAll(
        ApiRoutes.declare(
            this,
            "auth",
            api,
            function.functionName(),
            function.alias(),
            AuthLambda.TIMEOUT_SECONDS,
            all));
  }

  /** The auth routes. */
  public List<Apigatewayv2Route> routes() {
    return List.copyOf(routes);
  }
}
