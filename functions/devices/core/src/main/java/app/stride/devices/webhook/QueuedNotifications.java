package app.stride.devices.webhook;

import app.stride.core.json.Json;
import app.stride.devices.domain.Provider;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The queued form of a {@link WebhookNotification}: a small JSON object of the provider's ids and
 * URLs (no secrets, no activity data), written by the webhook route and read back by the worker.
 * Reading is as strict as the receivers are: a body that is not exactly such an object reads as
 * empty, so a poison message is dropped rather than retried forever.
 */
public final class QueuedNotifications {
  /** The queue message kind of a provider's notifications, e.g. {@code webhook.polar}. */
  public static String kind(Provider provider) {
    return "webhook." + provider.wire();
  }

  private QueuedNotifications() {}

  /** The message body of a notification. */
  public static byte[] write(WebhookNotification n) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("provider", n.provider().wire());
    node.put("providerUserId", n.providerUserId());
    node.put("kind", n.kind().wire());
    n.activityId().ifPresent(id -> node.put("providerActivityId", id));
    n.file().ifPresent(url -> node.put("fileUrl", url.toString()));
    n.callback().ifPresent(url -> node.put("callbackUrl", url.toString()));
    n.changed()
        .ifPresent(
            w -> {
              node.put("windowStart", w.start().toString());
              node.put("windowEnd", w.end().toString());
            });
    if (n.eventTime() != null) {
      node.put("eventTime", n.eventTime().toString());
    }
    node.put("idempotencyKey", n.idempotencyKey());
    return Json.toBytes(node);
  }

  /** The notification in a message body, or empty when the body is not one. */
  public static Optional<WebhookNotification> read(byte[] body) {
    Optional<JsonNode> parsed = WebhookJson.parse(body);
    if (parsed.isEmpty() || !parsed.get().isObject()) {
      return Optional.empty();
    }
    JsonNode node = parsed.get();
    try {
      Provider provider = Provider.fromWire(WebhookJson.text(node, "provider").orElse(""));
      NotificationKind kind =
          Arrays.stream(NotificationKind.values())
              .filter(k -> k.wire().equals(WebhookJson.text(node, "kind").orElse("")))
              .findFirst()
              .orElseThrow(IllegalArgumentException::new);
      Optional<String> user = WebhookJson.id(node, "providerUserId");
      Optional<String> key = WebhookJson.text(node, "idempotencyKey");
      if (user.isEmpty() || key.isEmpty()) {
        return Optional.empty();
      }
      WebhookNotification n = WebhookNotification.of(provider, user.get(), kind, key.get());
      Optional<String> activity = WebhookJson.id(node, "providerActivityId");
      if (activity.isPresent()) {
        n = n.withActivityId(activity.get());
      }
      Optional<String> file = WebhookJson.url(node, "fileUrl");
      if (file.isPresent()) {
        n = n.withFileUrl(URI.create(file.get()));
      }
      Optional<String> callback = WebhookJson.url(node, "callbackUrl");
      if (callback.isPresent()) {
        n = n.withCallbackUrl(URI.create(callback.get()));
      }
      Optional<String> windowStart = WebhookJson.text(node, "windowStart");
      Optional<String> windowEnd = WebhookJson.text(node, "windowEnd");
      if (windowStart.isPresent() != windowEnd.isPresent()) {
        return Optional.empty();
      }
      if (windowStart.isPresent()) {
        n =
            n.withWindow(
                new TimeWindow(Instant.parse(windowStart.get()), Instant.parse(windowEnd.get())));
      }
      Optional<String> time = WebhookJson.text(node, "eventTime");
      if (time.isPresent()) {
        n = n.withEventTime(Instant.parse(time.get()));
      }
      return Optional.of(n);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
