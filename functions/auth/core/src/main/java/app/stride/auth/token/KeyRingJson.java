package app.stride.auth.token;

import app.stride.core.json.Json;
import app.stride.core.region.RegionId;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored JSON form of a {@link KeyRing}:
 *
 * <pre>{@code
 * {"format": 1, "region": "eu", "version": 3,
 *  "keys": [{"kid": "eu-20261126-1a2b3c4d", "state": "CURRENT",
 *            "createdAt": "2026-11-26T10:00:00Z", "stateSince": "2026-11-26T11:00:00Z",
 *            "jwk": {"kty": "EC", "crv": "P-256", "kid": "...", "x": "...", "y": "...", "d": "..."}}]}
 * }</pre>
 *
 * Errors never quote the input: it holds private keys.
 */
final class KeyRingJson {
  static final int FORMAT = 1;

  private KeyRingJson() {}

  static String write(KeyRing ring) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("region", ring.region().value());
    root.put("version", ring.version());
    ArrayNode keys = root.putArray("keys");
    for (SigningKey key : ring.keys()) {
      ObjectNode node = keys.addObject();
      node.put("kid", key.kid());
      node.put("state", key.state().name());
      node.put("createdAt", key.createdAt().toString());
      node.put("stateSince", key.stateSince().toString());
      node.set("jwk", Json.mapper().readTree(key.jwk().toJSONString()));
    }
    return Json.mapper().writeValueAsString(root);
  }

  static KeyRing read(String json) {
    if (json == null) {
      throw new KeyRingFormatException("no key ring document");
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (JacksonException e) {
      throw new KeyRingFormatException("the key ring is not a JSON document");
    }
    if (root == null || !root.isObject()) {
      throw new KeyRingFormatException("the key ring is not a JSON object");
    }
    if (root.path("format").asInt(-1) != FORMAT) {
      throw new KeyRingFormatException("unknown key ring format");
    }
    if (!root.path("version").isIntegralNumber()) {
      throw new KeyRingFormatException("the key ring has no version");
    }
    if (!root.path("keys").isArray()) {
      throw new KeyRingFormatException("the key ring has no keys");
    }
    List<SigningKey> keys = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root.path("keys").values()) {
      keys.add(key(node, index++));
    }
    try {
      return new KeyRing(RegionId.of(text(root, "region")), keys, root.path("version").asLong());
    } catch (IllegalArgumentException e) {
      throw new KeyRingFormatException("invalid key ring: " + e.getMessage());
    }
  }

  private static SigningKey key(JsonNode node, int index) {
    String where = "key " + index;
    JWK jwk;
    try {
      jwk = JWK.parse(Json.mapper().writeValueAsString(node.path("jwk")));
    } catch (ParseException | JacksonException e) {
      throw new KeyRingFormatException(where + ": not a JWK");
    }
    if (!(jwk instanceof ECKey ec)) {
      throw new KeyRingFormatException(where + ": not an EC key");
    }
    try {
      return new SigningKey(
          text(node, "kid"),
          ec,
          KeyState.valueOf(text(node, "state")),
          Instant.parse(text(node, "createdAt")),
          Instant.parse(text(node, "stateSince")));
    } catch (DateTimeParseException e) {
      throw new KeyRingFormatException(where + ": bad timestamp");
    } catch (IllegalArgumentException e) {
      throw new KeyRingFormatException(where + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isString()) {
      throw new KeyRingFormatException("missing text field " + field);
    }
    return value.asString();
  }
}
