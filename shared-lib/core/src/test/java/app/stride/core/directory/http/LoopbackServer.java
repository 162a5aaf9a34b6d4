package app.stride.core.directory.http;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Serves a neutral HTTP function on a free loopback port with the JDK's HTTP server, translating
 * exchanges the way a cloud entry does (raw path, first value of each header and query parameter).
 */
final class LoopbackServer implements AutoCloseable {
  private final HttpServer server;

  private LoopbackServer(HttpServer server) {
    this.server = server;
  }

  static LoopbackServer serve(Function<ApiRequest, ApiResponse> function) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> answer(exchange, function));
      server.start();
      return new LoopbackServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void answer(HttpExchange exchange, Function<ApiRequest, ApiResponse> function)
      throws IOException {
    try {
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
      ApiRequest request =
          new ApiRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              query(exchange.getRequestURI().getRawQuery()),
              headers,
              exchange.getRequestBody().readAllBytes(),
              exchange.getRemoteAddress().getAddress().getHostAddress(),
              UUID.randomUUID().toString());
      ApiResponse response = function.apply(request);
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] body = response.body();
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } finally {
      exchange.close();
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] parts = pair.split("=", 2);
        query.putIfAbsent(
            URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
            parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
      }
    }
    return query;
  }
}
