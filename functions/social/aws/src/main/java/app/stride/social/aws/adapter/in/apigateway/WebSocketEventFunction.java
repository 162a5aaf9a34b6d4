package app.stride.social.aws.adapter.in.apigateway;

import app.stride.social.adapter.in.websocket.WebSocketEndpoint;
import app.stride.social.adapter.in.websocket.WebSocketEndpoint.Handshake;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The WebSocket API's routes: {@code $connect} (the answer's status accepts or refuses the upgrade,
 * its {@code Sec-WebSocket-Protocol} header selects the subprotocol), {@code $disconnect}, and
 * {@code $default} for every client frame, whose answer frame is the route response API Gateway
 * sends back on the connection.
 */
public final class WebSocketEventFunction
    implements Function<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
  private final Supplier<WebSocketEndpoint> endpoint;

  /**
   * @param endpoint built on the first event (cold start pays only for what it uses)
   */
  public WebSocketEventFunction(Supplier<WebSocketEndpoint> endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public APIGatewayV2WebSocketResponse apply(APIGatewayV2WebSocketEvent event) {
    APIGatewayV2WebSocketEvent.RequestContext context = event.getRequestContext();
    String connectionId = context.getConnectionId();
    String route = context.getRouteKey() == null ? "$default" : context.getRouteKey();
    return switch (route) {
      case "$connect" ->
          connected(
              endpoint
                  .get()
                  .connect(
                      connectionId,
                      orEmpty(event.getHeaders()),
                      orEmpty(event.getQueryStringParameters())));
      case "$disconnect" -> {
        endpoint.get().disconnect(connectionId);
        yield response(200, null, Map.of());
      }
      default -> response(200, endpoint.get().receive(connectionId, body(event)), Map.of());
    };
  }

  private static APIGatewayV2WebSocketResponse connected(Handshake handshake) {
    return response(
        handshake.status(),
        handshake.accepted() ? null : handshake.reason(),
        handshake.subprotocol().map(p -> Map.of("Sec-WebSocket-Protocol", p)).orElse(Map.of()));
  }

  private static String body(APIGatewayV2WebSocketEvent event) {
    String body = event.getBody() == null ? "" : event.getBody();
    return event.isIsBase64Encoded()
        ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8)
        : body;
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }

  private static APIGatewayV2WebSocketResponse response(
      int status, String body, Map<String, String> headers) {
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(status);
    response.setHeaders(headers);
    response.setBody(body);
    return response;
  }
}
