package app.stride.gcp.firestore;

import app.stride.core.config.Env;
import app.stride.core.json.Json;
import app.stride.core.problem.ProblemException;
import com.google.cloud.Timestamp;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
  public static final String POINTER = "query:cursor";

  private static final String ALGORITHM = "HmacSHA256";
  private static final String VERSION = "c1";
  private static final int MIN_KEY_BYTES = 32;
  private static final int MAX_CURSOR_CHARS = 2048;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  /** A codec signing with {@code key}, at least 32 bytes of secret randomness. */
  public CursorCodec(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("a cursor key needs at least " + MIN_KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /** A codec keyed by {@code STRIDE_CURSOR_KEY} (base64, at least 32 bytes). */
  public static CursorCodec fromEnv(Env env) {
    return new CursorCodec(Base64.getDecoder().decode(env.require("STRIDE_CURSOR_KEY")));
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
    String body = B64.encodeToString(Json.toBytes(payload));
    return VERSION + "." + body + "." + B64.encodeToString(sign(scope, body));
  }

  /**
   * The position a cursor names.
   *
   * @throws ProblemException {@code validation-failed} when the cursor was not issued by this codec
   *     for {@code scope}, or was altered
   */
  public Position decode(String scope, String cursor) {
    if (cursor == null || cursor.length() > MAX_CURSOR_CHARS) {
      throw invalid();
    }
    String[] parts = cursor.split("\\.", -1);
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      throw invalid();
    }
    try {
      byte[] mac = B64D.decode(parts[2]);
      if (!MessageDigest.isEqual(mac, sign(scope, parts[1]))) {
        throw invalid();
      }
      JsonNode payload = Json.mapper().readTree(B64D.decode(parts[1]));
      List<Object> values = new ArrayList<>();
      for (JsonNode value : payload.path("v")) {
        values.add(decodeValue(value));
      }
      return new Position(values, payload.path("p").asString());
    } catch (IllegalArgumentException | JacksonException e) {
      throw invalid();
    }
  }

  private byte[] sign(String scope, String body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(Objects.requireNonNull(scope, "scope").getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(body.getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
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
    return ProblemException.invalid(POINTER, "The cursor is not valid for this listing.");
  }
}
