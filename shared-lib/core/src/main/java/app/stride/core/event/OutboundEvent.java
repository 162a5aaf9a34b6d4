package app.stride.core.event;

import java.util.Objects;

/**
 * A CloudEvent ready to send, already encoded in structured JSON mode.
 *
 * @param id the CloudEvent id: consumers deduplicate on it
 * @param type the CloudEvent type, e.g. {@code app.stride.profile.v1.updated}
 * @param subject the entity the event is about; transports use it as the ordering key
 * @param json the whole structured-mode CloudEvent
 */
public record OutboundEvent(String id, String type, String subject, byte[] json) {
  public OutboundEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(json, "json");
  }
}
