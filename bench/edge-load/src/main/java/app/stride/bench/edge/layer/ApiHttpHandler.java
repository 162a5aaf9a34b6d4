package app.stride.bench.edge.layer;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Serves a neutral HTTP function over the JDK's server, decoding as a cloud entry does: first query
 * values, header lines joined, the whole body, the connection's address as the source, a fresh
 * request id. Both sides of the layer benchmark go through this same code.
 */
final class ApiHttpHandler implements HttpHandler {
  private final Function<ApiRequest, ApiResponse> function;

  ApiHttpHandler(Function<ApiRequest, ApiResponse> function) {
    this.function = Objects.requireNonNull(function, "function");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      ApiResponse response = function.apply(decode(exchange));
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      byte[] body = response.body();
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  static ApiRequest decode(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name, String.join(", ", values)));
    return new ApiRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        query(exchange.getRequestURI().getRawQuery()),
        headers,
        exchange.getRequestBody().readAllBytes(),
        exchange.getRemoteAddress().getAddress().getHostAddress(),
        UUID.randomUUID().toString());
  }

  private static Map<String, String> query(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Map.of();
    }
    Map<String, String> query = new HashMap<>();
    for (String pair : List.of(raw.split("&"))) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.putIfAbsent(name, value);
    }
    return query;
  }
}
