package app.stride.core.trigger;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * One message taken from a queue or subscription.
 *
 * @param id the transport's message id; a batch failure names it
 * @param body the raw body
 * @param attributes message attributes (CloudEvents {@code ce-*} attributes among them)
 * @param deliveryAttempt 1 on the first delivery
 */
public record QueueMessage(
    String id, byte[] body, Map<String, String> attributes, int deliveryAttempt) {
  public QueueMessage {
    Objects.requireNonNull(id, "id");
    body = body == null ? new byte[0] : body;
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
