package app.stride.local.aws;

import app.stride.core.json.Json;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the events API Gateway's WebSocket API sends its Lambda integration ({@code $connect} with
 * the upgrade's headers and query, {@code $default} with a text frame's body, {@code $disconnect})
 * and reads the function's answer, following the documented event format.
 */
public final class ApiGatewayWebSocketCodec {
  /** The stage name the local WebSocket API uses. */
  public static final String STAGE = "local";

  private ApiGatewayWebSocketCodec() {}

  /** The {@code $connect} event of an upgrade. */
  public static byte[] connect(
      String connectionId,
      Instant connectedAt,
      Map<String, String> headers,
      Map<String, String> query,
      String sourceIp) {
    ObjectNode event = Json.mapper().createObjectNode();
    ObjectNode h = event.putObject("headers");
    headers.forEach(h::put);
    if (!query.isEmpty()) {
      ObjectNode q = event.putObject("queryStringParameters");
      query.forEach(q::put);
    }
    context(event, "$connect", "CONNECT", connectionId, connectedAt, sourceIp);
    event.put("isBase64Encoded", false);
    return Json.toBytes(event);
  }

  /** The {@code $default} event of a text frame. */
  public static byte[] message(
      String connectionId, Instant connectedAt, String body, String sourceIp) {
    ObjectNode event = Json.mapper().createObjectNode();
    ObjectNode context = context(event, "$default", "MESSAGE", connectionId, connectedAt, sourceIp);
    context.put("messageId", UUID.randomUUID().toString());
    event.put("body", body);
    event.put("isBase64Encoded", false);
    return Json.toBytes(event);
  }

  /** The {@code $disconnect} event. */
  public static byte[] disconnect(
      String connectionId, Instant connectedAt, int code, String reason, String sourceIp) {
    ObjectNode event = Json.mapper().createObjectNode();
    ObjectNode context =
        context(event, "$disconnect", "DISCONNECT", connectionId, connectedAt, sourceIp);
    context.put("disconnectStatusCode", code);
    context.put("disconnectReason", reason == null ? "" : reason);
    event.put("isBase64Encoded", false);
    return Json.toBytes(event);
  }

  /**
   * The function's answer.
   *
   * @param status its {@code statusCode} (502 when unreadable)
   * @param body its {@code body}, or {@code null}
   */
  public record Answer(int status, String body) {}

  /** Reads the function's answer. */
  public static Answer answer(byte[] result) {
    try {
      JsonNode node = Json.mapper().readTree(result);
      JsonNode body = node.path("body");
      return new Answer(
          node.path("statusCode").asInt(502), body.isString() ? body.asString() : null);
    } catch (RuntimeException e) {
      return new Answer(502, null);
    }
  }

  private static ObjectNode context(
      ObjectNode event,
      String routeKey,
      String eventType,
      String connectionId,
      Instant connectedAt,
      String sourceIp) {
    Instant now = Instant.now();
    ObjectNode context = event.putObject("requestContext");
    context.put("routeKey", routeKey);
    context.put("eventType", eventType);
    context.put("messageDirection", "IN");
    context.put("stage", STAGE);
    context.put("connectedAt", connectedAt.toEpochMilli());
    context.put("requestTimeEpoch", now.toEpochMilli());
    context.put("requestId", UUID.randomUUID().toString());
    context.put("domainName", "localhost");
    context.put("connectionId", connectionId);
    context.put("apiId", "local");
    context.putObject("identity").put("sourceIp", sourceIp);
    return context;
  }
}
