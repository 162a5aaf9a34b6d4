package app.stride.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes and decodes {@link CloudEvent}s in CloudEvents structured JSON mode (Jackson 3).
 *
 * <p>Times are written as ISO-8601 / RFC 3339 strings. Decoding is a tolerant reader: unknown
 * attributes (CloudEvents extensions such as {@code traceparent}) and payload fields added by a
 * newer producer are ignored; the JSON Schema of each type is the strict contract, checked in the
 * build against the test data. Thread-safe; create one and share it.
 */
public final class EventCodec {

  private final JsonMapper mapper;

  /** Creates a codec with Stride's settings. */
  public EventCodec() {
    this.mapper =
        JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
  }

  /**
   * Serialises an event to structured-mode JSON.
   *
   * @param event the event
   * @return the JSON text (UTF-8 when sent as bytes)
   */
  public String encode(CloudEvent<?> event) {
    return mapper.writeValueAsString(event);
  }

  /**
   * Serialises an event to structured-mode JSON bytes (UTF-8), as queues and topics carry it.
   *
   * @param event the event
   * @return the UTF-8 JSON bytes
   */
  public byte[] encodeToBytes(CloudEvent<?> event) {
    return mapper.writeValueAsBytes(event);
  }

  /**
   * Parses a structured-mode event of an expected type.
   *
   * @param json the JSON text
   * @param type the expected event type
   * @param <T> the payload type
   * @return the event
   * @throws IllegalArgumentException if the JSON is malformed, breaks a record's invariants or has
   *     another {@code type}
   */
  public <T> CloudEvent<T> decode(String json, EventType<T> type) {
    JavaType javaType =
        mapper.getTypeFactory().constructParametricType(CloudEvent.class, type.dataClass());
    CloudEvent<T> event;
    try {
      event = mapper.readValue(json, javaType);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not a valid " + type.name() + " event", e);
    }
    if (!type.name().equals(event.type())) {
      throw new IllegalArgumentException(
          "expected type " + type.name() + " but got " + event.type());
    }
    return event;
  }
}
