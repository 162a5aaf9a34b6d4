package app.stride.gcp.functions;

import app.stride.core.json.Json;
import app.stride.core.trigger.QueueMessage;
import app.stride.core.trigger.ScheduledTick;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Decodes the CloudEvent Eventarc delivers for a Pub/Sub message ({@code
 * google.cloud.pubsub.topic.v1.messagePublished}, data {@code {"message": {...}, "subscription":
 * ...}}) into a {@link QueueMessage}, or, for Cloud Scheduler jobs that publish to a topic, a
 * {@link ScheduledTick}.
 */
public final class PubSubPushes {
  /** The CloudEvent type of a published Pub/Sub message. */
  public static final String MESSAGE_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";

  /** The message attribute a scheduler job sets to name its schedule. */
  public static final String SCHEDULE_ATTRIBUTE = "schedule";

  private PubSubPushes() {}

  /**
   * The Pub/Sub message carried by {@code event}.
   *
   * @throws IllegalArgumentException when the event is not a published Pub/Sub message
   */
  public static QueueMessage toQueueMessage(CloudEvent event) {
    return message(payload(event), event.getId());
  }

  /**
   * The Pub/Sub message of a push subscription's request body, as Pub/Sub sends it to an HTTPS
   * endpoint without CloudEvent headers: {@code {"message": {"data", "attributes", "messageId",
   * "publishTime"}, "subscription", "deliveryAttempt"?}} ({@code deliveryAttempt} only where the
   * subscription has a dead-letter policy).
   *
   * @throws IllegalArgumentException when the body is not such a push
   */
  public static QueueMessage fromPushBody(byte[] body) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not a Pub/Sub push: not JSON");
    }
    JsonNode message = root == null ? null : root.get("message");
    if (message == null || !message.isObject()) {
      throw new IllegalArgumentException("not a Pub/Sub push: no message");
    }
    if (message.path("messageId").asString(message.path("message_id").asString("")).isEmpty()) {
      throw new IllegalArgumentException("not a Pub/Sub push: no message id");
    }
    return message(root, "");
  }

  private static QueueMessage message(JsonNode root, String fallbackId) {
    JsonNode message = root.path("message");
    String id = message.path("messageId").asString(message.path("message_id").asString(""));
    if (id.isEmpty()) {
      id = fallbackId;
    }
    Map<String, String> attributes = new HashMap<>();
    message
        .path("attributes")
        .properties()
        .forEach(e -> attributes.put(e.getKey(), e.getValue().asString()));
    byte[] body;
    try {
      body = Base64.getDecoder().decode(message.path("data").asString(""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a Pub/Sub message: data is not base64");
    }
    int attempt = root.path("deliveryAttempt").asInt(1);
    return new QueueMessage(id, body, attributes, Math.max(attempt, 1));
  }

  /**
   * The schedule firing carried by {@code event}: the message id, the {@value #SCHEDULE_ATTRIBUTE}
   * attribute (else {@code defaultSchedule}) and the publish time (else the event's time).
   */
  public static ScheduledTick toTick(CloudEvent event, String defaultSchedule) {
    QueueMessage message = toQueueMessage(event);
    String schedule = message.attributes().getOrDefault(SCHEDULE_ATTRIBUTE, defaultSchedule);
    Instant time = parse(payload(event).path("message").path("publishTime").asString(""));
    if (time == null) {
      time = event.getTime() != null ? event.getTime().toInstant() : Instant.now();
    }
    return new ScheduledTick(message.id(), schedule, time);
  }

  private static JsonNode payload(CloudEvent event) {
    if (!MESSAGE_PUBLISHED.equals(event.getType()) || event.getData() == null) {
      throw new IllegalArgumentException("not a Pub/Sub message event: " + event.getType());
    }
    return Json.mapper().readTree(event.getData().toBytes());
  }

  private static Instant parse(String time) {
    if (time.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(time);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
