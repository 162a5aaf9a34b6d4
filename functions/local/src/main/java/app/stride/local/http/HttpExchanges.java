package app.stride.local.http;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a JDK {@link HttpExchange} into an {@link ApiRequest} and writes an {@link ApiResponse}
 * back: what the local gateway and the local directory API share.
 */
public final class HttpExchanges {
  private HttpExchanges() {}

  /**
   * The request of {@code exchange}, its body read up to {@code maxBodyBytes}.
   *
   * @throws ProblemException {@code payload-too-large} when the body is longer
   */
  public static ApiRequest read(HttpExchange exchange, String requestId, int maxBodyBytes)
      throws IOException {
    Map<String, String> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name, String.join(",", values)));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(maxBodyBytes + 1);
    }
    if (body.length > maxBodyBytes) {
      throw new ProblemException(
          ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds " + maxBodyBytes + " bytes.");
    }
    return new ApiRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        query(exchange.getRequestURI().getRawQuery()),
        headers,
        body,
        exchange.getRemoteAddress().getAddress().getHostAddress(),
        requestId);
  }

  /** Sends {@code response}: status, headers and body (none for 204 and 304). */
  public static void write(HttpExchange exchange, ApiResponse response) throws IOException {
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    byte[] body = response.body();
    boolean empty = body.length == 0 || response.status() == 204 || response.status() == 304;
    exchange.sendResponseHeaders(response.status(), empty ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!empty) {
        out.write(body);
      }
    }
  }

  /** The first value of each query parameter, decoded. */
  static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      query.putIfAbsent(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return query;
  }
}
