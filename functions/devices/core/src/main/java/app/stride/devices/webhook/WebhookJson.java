package app.stride.devices.webhook;

import app.stride.core.json.Json;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Strict reading of webhook bodies: duplicate keys refused (so a checked field cannot be shadowed
 * by a second copy), trailing content refused, and identifiers limited to a plain alphabet and
 * length before they go anywhere near a queue, a key or a URL.
 */
public final class WebhookJson {
  private static final ObjectReader READER =
      Json.mapper().readerFor(JsonNode.class).with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@+\\-]{1,128}");

  private WebhookJson() {}

  /** The body as a JSON tree, or empty when it is not exactly one JSON value. */
  public static Optional<JsonNode> parse(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = READER.readValue(body);
      return Optional.ofNullable(node).filter(n -> !n.isMissingNode() && !n.isNull());
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  /**
   * An identifier field: a string or an integral number, in the plain alphabet {@code
   * [A-Za-z0-9._:@+-]}, 1 to 128 characters.
   */
  public static Optional<String> id(JsonNode node, String field) {
    return scalar(node, field).filter(value -> ID.matcher(value).matches());
  }

  /** A short text field (at most 256 characters, no control characters). */
  public static Optional<String> text(JsonNode node, String field) {
    return scalar(node, field)
        .filter(value -> value.length() <= 256 && value.chars().noneMatch(Character::isISOControl));
  }

  /** A URL field as given (at most 2048 characters); check it with {@link TrustedUrls}. */
  public static Optional<String> url(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.isString() || value.stringValue().length() > 2048) {
      return Optional.empty();
    }
    return Optional.of(value.stringValue());
  }

  /** An integral number field (or a string of digits). */
  public static Optional<Long> number(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Optional.of(value.longValue());
    }
    if (value.isString() && value.stringValue().matches("-?[0-9]{1,18}")) {
      return Optional.of(Long.parseLong(value.stringValue()));
    }
    return Optional.empty();
  }

  /**
   * An ISO-8601 time: with an offset or {@code Z}, or without one (then read as UTC, as Polar sends
   * it in some payloads).
   */
  public static Optional<Instant> isoTime(JsonNode node, String field) {
    return text(node, field)
        .flatMap(
            value -> {
              try {
                return Optional.of(OffsetDateTime.parse(value).toInstant());
              } catch (DateTimeParseException withoutOffset) {
                try {
                  return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException e) {
                  return Optional.empty();
                }
              }
            });
  }

  private static Optional<String> scalar(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isString()) {
      return Optional.of(value.stringValue());
    }
    if (value.isIntegralNumber()) {
      return Optional.of(value.asString());
    }
    return Optional.empty();
  }
}
