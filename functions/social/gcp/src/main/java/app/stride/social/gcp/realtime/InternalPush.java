package app.stride.social.gcp.realtime;

import app.stride.core.json.Json;
import app.stride.social.domain.ConnectionId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The chat server's internal push, the Cloud Run counterpart of API Gateway's {@code POST
 * @connections/{id}}. Java-WebSocket serves only upgrades, so it is a WebSocket too, on {@value
 * #PATH}: the upgrade carries the shared secret in {@value #SECRET_HEADER} (compared in constant
 * time; a wrong or missing one refuses the upgrade), then each text frame {@code
 * {"connectionId":"...","frame":"..."}} is answered in order by {@code {"result":"delivered"}},
 * {@code {"result":"gone"}} (no such socket on the server) or {@code {"result":"invalid"}}.
 */
public final class InternalPush {
  /** The internal push's path on the chat server. */
  public static final String PATH = "/internal/push";

  /** The upgrade header carrying the shared secret. */
  public static final String SECRET_HEADER = "X-Stride-Push-Secret";

  /** The shared secret's variable, on the chat server and on the social HTTP function. */
  public static final String SECRET_ENV = "STRIDE_CHAT_PUSH_SECRET";

  /** A secret shorter than this is refused at start (it guards pushes to every socket). */
  public static final int MIN_SECRET_LENGTH = 32;

  /** The answer to one push. */
  public enum Result {
    DELIVERED,
    GONE,
    INVALID;

    String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One push: {@code frame} for the socket of {@code connection}. */
  public record Request(ConnectionId connection, String frame) {
    public Request {
      Objects.requireNonNull(connection, "connection");
      Objects.requireNonNull(frame, "frame");
    }
  }

  private final byte[] secretDigest;

  /**
   * @throws IllegalArgumentException when {@code secret} is shorter than {@value
   *     #MIN_SECRET_LENGTH}
   */
  public InternalPush(String secret) {
    this.secretDigest = digest(checked(secret));
  }

  /** Whether {@code offered} is the shared secret (constant time, whatever its length). */
  public boolean admits(String offered) {
    return offered != null && MessageDigest.isEqual(secretDigest, digest(offered));
  }

  /** Checks a secret read from the environment. */
  public static String checked(String secret) {
    if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          SECRET_ENV + " must be at least " + MIN_SECRET_LENGTH + " characters");
    }
    return secret;
  }

  static String request(Request request) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("connectionId", request.connection().value());
    body.put("frame", request.frame());
    return new String(Json.toBytes(body), StandardCharsets.UTF_8);
  }

  /** The push a frame carries; empty when it is not one. */
  static Optional<Request> readRequest(String text) {
    try {
      JsonNode node = Json.mapper().readTree(text);
      JsonNode id = node.path("connectionId");
      JsonNode frame = node.path("frame");
      if (!id.isString() || !frame.isString()) {
        return Optional.empty();
      }
      return Optional.of(new Request(new ConnectionId(id.asString()), frame.asString()));
    } catch (JacksonException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String answer(Result result) {
    return "{\"result\":\"" + result.wire() + "\"}";
  }

  /** The result an answer frame names; {@link Result#INVALID} when it names none. */
  static Result readAnswer(String text) {
    try {
      String wire = Json.mapper().readTree(text).path("result").asString("");
      for (Result result : Result.values()) {
        if (result.wire().equals(wire)) {
          return result;
        }
      }
    } catch (JacksonException e) {
      // not an answer
    }
    return Result.INVALID;
  }

  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
