package app.stride.social.aws;

import app.stride.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** API Gateway WebSocket API events from the fixtures {@code events/apigw-ws-*.json}. */
final class WebSocketEvents {
  private WebSocketEvents() {}

  /** A {@code $connect} offering {@code protocols} as {@code Sec-WebSocket-Protocol}. */
  static byte[] connect(String connectionId, String protocols) {
    return fill("connect", connectionId, protocols, null);
  }

  /** A {@code $default} frame carrying {@code body}. */
  static byte[] message(String connectionId, String body) {
    return fill("message", connectionId, "", body);
  }

  /** A {@code $disconnect}. */
  static byte[] disconnect(String connectionId) {
    return fill("disconnect", connectionId, "", null);
  }

  private static byte[] fill(String kind, String connectionId, String protocols, String body) {
    String template;
    try (InputStream in =
        WebSocketEvents.class.getResourceAsStream("/events/apigw-ws-" + kind + ".json")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return template
        .replace("${CONNECTION_ID}", connectionId)
        .replace("${PROTOCOL}", protocols)
        .replace("${BODY}", body == null ? "null" : Json.mapper().writeValueAsString(body))
        .getBytes(StandardCharsets.UTF_8);
  }
}
