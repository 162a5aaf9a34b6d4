package app.stride.gcp.firestore;

import app.stride.core.config.Env;
import app.stride.core.json.Json;
import app.stride.core.problem.ProblemException;
import app.stride.core.store.CursorSeal;
import com.google.cloud.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opaque listing cursors: the ordering values and document path of the last item of a page, signed
 * with HMAC-SHA256 over the caller's scope and the payload. A cursor is only accepted for the scope
 * it was issued for (another user's listing, another filter), and any change to it is refused with
 * a {@code validation-failed} problem on {@code query:cursor}.
 *
 * <p>The payload is signed, not encrypted: it holds ordering values and a document path, never
 * anything the caller may not see.
 */
public final class CursorCodec {
  /** The query parameter a cursor travels in, as named in problems. */
  public static final String POINTER = CursorSeal.POINTER;

  private final CursorSeal seal;

  /** A codec signing with {@code key}, at least 32 bytes of secret randomness. */
  public CursorCodec(byte[] key) {
    this(new CursorSeal(key));
  }

  private CursorCodec(CursorSeal seal) {
    this.seal = seal;
  }

  /** A codec keyed by {@code STRIDE_CURSOR_KEY} (base64, at least 32 bytes). */
  public static CursorCodec fromEnv(Env env) {
    return new CursorCodec(CursorSeal.fromEnv(env));
  }

  /**
   * A position in a listing.
   *
   * @param values the ordering values of the last item, in ordering order
   * @param documentPath the last item's document path, the final tie-breaker
   */
  public record Position(List<Object> values, String documentPath) {
    public Position {
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
      Objects.requireNonNull(documentPath, "documentPath");
    }
  }

  /** The signed cursor of {@code position} for {@code scope}. */
  public String encode(String scope, Position position) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    ArrayNode values = payload.putArray("v");
    position.values().forEach(value -> values.add(encodeValue(value)));
    payload.put("p", position.documentPath());
    return seal.seal(scope, Json.toBytes(payload));
  }

  /**
   * The position a cursor names.
   *
   * @throws ProblemException {@code validation-failed} when the cursor was not issued by this codec
   *     for {@code scope}, or was altered
   */
  public Position decode(String scope, String cursor) {
    byte[] sealed = seal.open(scope, cursor);
    try {
      JsonNode payload = Json.mapper().readTree(sealed);
      List<Object> values = new ArrayList<>();
      for (JsonNode value : payload.path("v")) {
        values.add(decodeValue(value));
      }
      if (!payload.path("p").isString()) {
        throw invalid();
      }
      return new Position(values, payload.path("p").asString());
    } catch (IllegalArgumentException | JacksonException e) {
      throw invalid();
    }
  }

  private static JsonNode encodeValue(Object value) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (value == null) {
      node.putNull("n");
    } else if (value instanceof String s) {
      node.put("s", s);
    } else if (value instanceof Long || value instanceof Integer) {
      node.put("i", ((Number) value).longValue());
    } else if (value instanceof Double d) {
      node.put("d", d);
    } else if (value instanceof Boolean b) {
      node.put("b", b);
    } else if (value instanceof Timestamp t) {
      node.put("t", t.toString());
    } else {
      throw new IllegalArgumentException("cannot order a listing by a " + value.getClass());
    }
    return node;
  }

  private static Object decodeValue(JsonNode node) {
    if (node.has("n")) {
      return null;
    }
    if (node.path("s").isString()) {
      return node.path("s").asString();
    }
    if (node.path("i").isIntegralNumber()) {
      return node.path("i").asLong();
    }
    if (node.path("d").isNumber()) {
      return node.path("d").asDouble();
    }
    if (node.path("b").isBoolean()) {
      return node.path("b").asBoolean();
    }
    if (node.path("t").isString()) {
      return Timestamp.parseTimestamp(node.path("t").asString());
    }
    throw new IllegalArgumentException("unknown cursor value");
  }

  private static ProblemException invalid() {
    return CursorSeal.invalid();
  }
}
