package app.stride.aws.dynamodb;

import app.stride.core.config.Env;
import app.stride.core.json.Json;
import app.stride.core.problem.ProblemException;
import app.stride.core.store.CursorSeal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a query's {@code LastEvaluatedKey} into an opaque listing cursor and back. The key travels
 * as typed JSON sealed by {@link CursorSeal}: the scope names the listing and its partition (table,
 * index, partition value), so a cursor made for one user's listing is refused on another's, and one
 * a client edited or made up is refused with {@code 400 validation-failed} on {@code query:cursor}.
 */
public final class CursorCodec {
  /** The environment variable holding the base64 HMAC key. */
  public static final String KEY_ENV = CursorSeal.KEY_ENV;

  /** The parameter a bad cursor is reported on. */
  public static final String POINTER = CursorSeal.POINTER;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final CursorSeal seal;

  /** A codec signing with {@code key}, at least 32 bytes of secret randomness. */
  public CursorCodec(byte[] key) {
    this(new CursorSeal(key));
  }

  private CursorCodec(CursorSeal seal) {
    this.seal = seal;
  }

  /** The codec keyed by {@code STRIDE_CURSOR_KEY}. */
  public static CursorCodec fromEnv(Env env) {
    return new CursorCodec(CursorSeal.fromEnv(env));
  }

  /** The cursor continuing a listing of {@code scope} after {@code lastEvaluatedKey}. */
  public String encode(String scope, Map<String, AttributeValue> lastEvaluatedKey) {
    return seal.seal(scope, Json.toBytes(toJson(lastEvaluatedKey)));
  }

  /**
   * The exclusive start key a cursor of {@code scope} stands for.
   *
   * @throws ProblemException {@code validation-failed} when the cursor is malformed, was altered,
   *     or was made for another listing or partition
   */
  public Map<String, AttributeValue> decode(String scope, String cursor) {
    byte[] payload = seal.open(scope, cursor);
    try {
      return fromJson(Json.mapper().readTree(payload));
    } catch (IllegalArgumentException | JacksonException e) {
      throw invalid();
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
    return CursorSeal.invalid();
  }
}
