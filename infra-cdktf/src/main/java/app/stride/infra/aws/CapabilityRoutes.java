package app.stride.infra.aws;

import app.stride.infra.SpecOperations;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_route.Apigatewayv2Route;
import java.util.List;
import software.constructs.Construct;
import tools.jackson.databind.JsonNode;

/**
 * A capability's routes on the region's HTTP API, derived from the OpenAPI spec: every operation
 * whose {@code x-stride-function} is the capability becomes a route to its function's alias,
 * through the JWT authorizer unless the operation has no security (a public calendar feed, for
 * one). A new operation in the spec is routed at the next synth, with nothing to change here.
 */
public final class CapabilityRoutes extends Construct {

  private final List<SpecOperations.Operation> operations;
  private final List<Apigatewayv2Route> routes;

  /** Routes the operations of {@code spec} served by {@code capability} to {@code function}. */
  public CapabilityRoutes(
      Construct scope,
      String id,
      ProfilesHttpApi api,
      JsonNode spec,
      String capability,
      CapabilityLambda function) {
    super(scope, id);
    operations = SpecOperations.of(spec, capability);
    routes =
        ApiRoutes.declare(
            this,
            "integration",
            api,
            function.functionName(),
            function.alias(),
            CapabilityLambda.TIMEOUT_SECONDS,
            operations.stream()
                .map(op -> new ApiRoutes.Route(op.routeKey(), op.bearer()))
                .toList());
  }

  /** The operations routed, as the spec lists them. */
  public List<SpecOperations.Operation> operations() {
    return operations;
  }

  /** The routes. */
  public List<Apigatewayv2Route> routes() {
    return List.copyOf(routes);
  }
}
