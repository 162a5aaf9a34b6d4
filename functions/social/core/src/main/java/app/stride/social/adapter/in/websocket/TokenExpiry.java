package app.stride.social.adapter.in.websocket;

import app.stride.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * The {@code exp} of an access token the verifier has already accepted: a connection ends when its
 * token does. A token that carries none is bounded by the connection's lifetime alone.
 */
final class TokenExpiry {
  private TokenExpiry() {}

  /** Its {@code exp}, or {@link Instant#MAX} when it has none or is not a JWT. */
  static Instant of(String verifiedToken) {
    String[] parts = verifiedToken.split("\\.");
    if (parts.length != 3) {
      return Instant.MAX;
    }
    try {
      JsonNode claims =
          Json.mapper()
              .readTree(
                  new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      JsonNode exp = claims.path("exp");
      return exp.isNumber() ? Instant.ofEpochSecond(exp.asLong()) : Instant.MAX;
    } catch (RuntimeException e) {
      return Instant.MAX;
    }
  }
}
