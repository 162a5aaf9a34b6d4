package app.stride.auth.gcp.adapter.out.firestore;

import app.stride.core.event.OutboundEvent;
import com.google.cloud.Timestamp;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A deletion event waiting in a tombstone (map key: the event id).
 *
 * @param type the CloudEvent type
 * @param subject the CloudEvent subject
 * @param json the structured-mode CloudEvent, UTF-8 JSON text
 * @param at when the deletion was written; the relay publishes oldest first
 */
public record TombstoneEvent(String type, String subject, String json, Timestamp at) {
  static final String TYPE = "type";
  static final String SUBJECT = "subject";
  static final String JSON = "json";
  static final String AT = "at";

  public TombstoneEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(at, "at");
  }

  /** The entry of {@code event}, written at {@code at}. */
  public static TombstoneEvent of(OutboundEvent event, Timestamp at) {
    return new TombstoneEvent(
        event.type(), event.subject(), new String(event.json(), StandardCharsets.UTF_8), at);
  }

  /** The event to publish, with id {@code eventId}. */
  public OutboundEvent toEvent(String eventId) {
    return new OutboundEvent(eventId, type, subject, json.getBytes(StandardCharsets.UTF_8));
  }

  Map<String, Object> toFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(TYPE, type);
    fields.put(SUBJECT, subject);
    fields.put(JSON, json);
    fields.put(AT, at);
    return fields;
  }

  static TombstoneEvent fromFields(Map<?, ?> fields) {
    return new TombstoneEvent(
        (String) fields.get(TYPE),
        (String) fields.get(SUBJECT),
        (String) fields.get(JSON),
        (Timestamp) fields.get(AT));
  }
}
