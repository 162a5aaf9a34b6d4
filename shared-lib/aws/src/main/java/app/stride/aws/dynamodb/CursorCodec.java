package app.stride.aws.dynamodb;

import app.stride.core.config.Env;
import app.stride.core.json.Json;
import app.stride.core.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a query's {@code LastEvaluatedKey} into an opaque listing cursor and back.
 *
 * <p>A cursor is {@code base64url(key JSON) "." base64url(HMAC-SHA256(scope, key JSON))}. The scope
 * names the listing and its partition (table, index, partition value), so a cursor made for one
 * user's listing is refused on another's, and a cursor a client edited or made up is refused: both
 * answer {@code 400 validation-failed} on {@code query:cursor}. The key is configuration ({@code
 * STRIDE_CURSOR_KEY}, base64, at least 32 bytes), never a constant, and the same in every instance
 * of a function.
 */
public final class CursorCodec {
  /** The environment variable holding the base64 HMAC key. */
  public static final String KEY_ENV = "STRIDE_CURSOR_KEY";

  /** The parameter a bad cursor is reported on. */
  public static final String POINTER = "query:cursor";

  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_KEY_BYTES = 32;
  private static final int MAX_CURSOR_CHARS = 2048;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  public CursorCodec(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("a cursor key needs at least " + MIN_KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /** The codec keyed by {@code STRIDE_CURSOR_KEY}. */
  public static CursorCodec fromEnv(Env env) {
    try {
      return new CursorCodec(Base64.getDecoder().decode(env.require(KEY_ENV)));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(KEY_ENV + " must be base64 of at least 32 bytes", e);
    }
  }

  /** The cursor continuing a listing of {@code scope} after {@code lastEvaluatedKey}. */
  public String encode(String scope, Map<String, AttributeValue> lastEvaluatedKey) {
    byte[] payload = Json.toBytes(toJson(lastEvaluatedKey));
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(scope, payload));
  }

  /**
   * The exclusive start key a cursor of {@code scope} stands for.
   *
   * @throws ProblemException {@code validation-failed} when the cursor is malformed, was altered,
   *     or was made for another listing or partition
   */
  public Map<String, AttributeValue> decode(String scope, String cursor) {
    if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_CURSOR_CHARS) {
      throw invalid();
    }
    int dot = cursor.indexOf('.');
    if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
      throw invalid();
    }
    try {
      byte[] payload = DECODER.decode(cursor.substring(0, dot));
      byte[] signature = DECODER.decode(cursor.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, mac(scope, payload))) {
        throw invalid();
      }
      return fromJson(Json.mapper().readTree(payload));
    } catch (IllegalArgumentException | JacksonException e) {
      throw invalid();
    }
  }

  private byte[] mac(String scope, byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(scope.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  private static ObjectNode toJson(Map<String, AttributeValue> key) {
    ObjectNode node = Json.mapper().createObjectNode();
    key.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              AttributeValue v = e.getValue();
              ObjectNode typed = node.putObject(e.getKey());
              if (v.s() != null) {
                typed.put("S", v.s());
              } else if (v.n() != null) {
                typed.put("N", v.n());
              } else if (v.b() != null) {
                typed.put("B", ENCODER.encodeToString(v.b().asByteArray()));
              } else {
                throw new IllegalArgumentException(
                    "key attribute " + e.getKey() + " is not S, N or B");
              }
            });
    return node;
  }

  private static Map<String, AttributeValue> fromJson(JsonNode node) {
    if (!node.isObject() || node.isEmpty()) {
      throw invalid();
    }
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode typed = e.getValue();
      if (typed.hasNonNull("S")) {
        key.put(e.getKey(), AttributeValue.fromS(typed.get("S").asString()));
      } else if (typed.hasNonNull("N")) {
        key.put(e.getKey(), AttributeValue.fromN(typed.get("N").asString()));
      } else if (typed.hasNonNull("B")) {
        key.put(
            e.getKey(),
            AttributeValue.fromB(
                SdkBytes.fromByteArray(DECODER.decode(typed.get("B").asString()))));
      } else {
        throw invalid();
      }
    }
    return key;
  }

  private static ProblemException invalid() {
    return ProblemException.invalid(POINTER, "is not a valid cursor for this listing");
  }
}
