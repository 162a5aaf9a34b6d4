package app.stride.devices.adapter.in.http;

import app.stride.core.auth.Principal;
import app.stride.core.function.ApiCall;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.devices.application.service.ConnectionService;
import app.stride.devices.connection.AuthorizationRequest;
import app.stride.devices.connection.ProviderCatalog;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The operations on {@code /v1/devices/connections}: list, start, complete, disconnect. */
public final class ConnectionHttpHandlers {
  /** How long a state is valid (matches {@link app.stride.devices.connection.OAuthStates}). */
  private static final Duration STATE_TTL = Duration.ofMinutes(10);

  private final ConnectionService connections;
  private final Clock clock;

  public ConnectionHttpHandlers(ConnectionService connections, Clock clock) {
    this.connections = connections;
    this.clock = clock;
  }

  /** Adds the handlers to a function builder. */
  public ApiFunction.Builder register(ApiFunction.Builder builder) {
    return builder
        .on("listDeviceConnections", this::list)
        .on("startDeviceConnection", this::start)
        .on("completeDeviceConnection", this::complete)
        .on("disconnectDevice", this::disconnect);
  }

  ApiResponse list(ApiCall call) {
    Principal caller = call.caller();
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode items = body.putArray("connections");
    connections.list(user(caller), caller.homeRegion()).forEach(c -> items.add(resource(c)));
    ArrayNode offered = body.putArray("offered");
    ProviderCatalog.all().keySet().stream()
        .sorted()
        .filter(connections::offers)
        .forEach(p -> offered.add(p.wire()));
    return privateJson(200, body);
  }

  ApiResponse start(ApiCall call) {
    Principal caller = call.caller();
    Provider provider = provider(call, 2);
    AuthorizationRequest request = connections.start(user(caller), caller.homeRegion(), provider);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("authorizationUrl", request.url().toString());
    body.put("expiresAt", clock.instant().plus(STATE_TTL).toString());
    return privateJson(200, body);
  }

  ApiResponse complete(ApiCall call) {
    Principal caller = call.caller();
    Provider provider = provider(call, 1);
    Connection connection =
        connections.complete(
            user(caller),
            caller.homeRegion(),
            provider,
            call.body().path("code").asString(),
            call.body().path("state").asString());
    return privateJson(200, resource(connection));
  }

  ApiResponse disconnect(ApiCall call) {
    Principal caller = call.caller();
    connections.disconnect(user(caller), caller.homeRegion(), provider(call, 1));
    return ApiResponse.empty(204);
  }

  static ObjectNode resource(Connection connection) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("provider", connection.provider().wire());
    node.put("connectedAt", connection.connectedAt().toString());
    if (connection.scope() != null) {
      node.put("scope", connection.scope());
    }
    return node;
  }

  private static ApiResponse privateJson(int status, ObjectNode body) {
    return ApiResponse.json(status, body).withHeader("Cache-Control", "private, no-store");
  }

  /** The provider segment, {@code fromEnd} segments before the path's end. */
  private static Provider provider(ApiCall call, int fromEnd) {
    String[] segments = call.request().path().split("/");
    String value = segments.length >= fromEnd ? segments[segments.length - fromEnd] : "";
    try {
      return Provider.fromWire(value);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "No provider " + value + ".");
    }
  }

  private static UserId user(Principal caller) {
    return new UserId(caller.userId());
  }
}
