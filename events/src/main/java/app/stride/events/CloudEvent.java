package app.stride.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, with typed {@code data}.
 *
 * <p>Attribute names are the CloudEvents ones, so the record serialises to the wire format as is
 * (see {@link EventCodec}). {@code specversion}, {@code id}, {@code source} and {@code type} are
 * required by CloudEvents; Stride's schemas also require the optional attributes, which the event
 * types' factories always fill.
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id unique per event; a redelivery keeps it, so consumers deduplicate on it
 * @param source URI-reference of the producer, e.g. {@code /stride/eu/profiles}
 * @param type versioned type, {@code app.stride.<domain>[.<entity>].v<N>.<verb>}
 * @param subject what the event is about within the source (usually a user id)
 * @param time when the change happened
 * @param datacontenttype media type of {@code data}, {@code application/json}
 * @param dataschema the JSON Schema of the event type
 * @param data the event payload
 * @param <T> the payload type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "specversion",
  "id",
  "source",
  "type",
  "subject",
  "time",
  "datacontenttype",
  "dataschema",
  "data"
})
public record CloudEvent<T>(
    String specversion,
    String id,
    String source,
    String type,
    String subject,
    Instant time,
    String datacontenttype,
    URI dataschema,
    T data) {

  /** The only CloudEvents version Stride produces and accepts. */
  public static final String SPEC_VERSION = "1.0";

  /** The content type of every Stride event payload. */
  public static final String JSON = "application/json";

  /** Checks the attributes CloudEvents requires. */
  public CloudEvent {
    if (!SPEC_VERSION.equals(specversion)) {
      throw new IllegalArgumentException("unsupported specversion: " + specversion);
    }
    requireText(id, "id");
    requireText(source, "source");
    requireText(type, "type");
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
