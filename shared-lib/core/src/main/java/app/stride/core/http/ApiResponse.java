package app.stride.core.http;

import app.stride.core.json.Json;
import app.stride.core.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response to encode into the cloud's response shape.
 *
 * @param status the HTTP status
 * @param headers response headers
 * @param body the raw body, empty when none
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {
  public ApiResponse {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  /** A JSON response of the given value. */
  public static ApiResponse json(int status, Object value) {
    return new ApiResponse(status, Map.of("Content-Type", "application/json"), Json.toBytes(value));
  }

  /** An empty response. */
  public static ApiResponse empty(int status) {
    return new ApiResponse(status, Map.of(), new byte[0]);
  }

  /** A problem response, {@code application/problem+json}. */
  public static ApiResponse problem(Problem problem, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
    headers.put("Content-Type", Problem.MEDIA_TYPE);
    return new ApiResponse(problem.status(), headers, Json.toBytes(problem));
  }

  /** This response with one more header. */
  public ApiResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiResponse(status, copy, body);
  }

  /** A header value, matched case-insensitively, or null. */
  public String header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
