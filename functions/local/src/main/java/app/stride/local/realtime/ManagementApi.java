package app.stride.local.realtime;

import app.stride.core.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * API Gateway's management API for the local WebSocket gateway, one stage per region at {@code
 * http://127.0.0.1:<port>/<region>}: {@code POST @connections/{id}} sends the body as a text frame,
 * {@code GET} describes the connection, {@code DELETE} closes it; each answers {@code 410} with
 * {@code GoneException} for a connection that is not open, as the service does. Requests are not
 * checked for a signature (the port is loopback only).
 */
public final class ManagementApi implements AutoCloseable {
  private static final String CONNECTIONS = "/@connections/";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final LocalConnections connections;

  private ManagementApi(HttpServer server, LocalConnections connections) {
    this.server = server;
    this.connections = connections;
  }

  /** Starts serving {@code connections} on a free loopback port. */
  public static ManagementApi start(LocalConnections connections) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      ManagementApi api = new ManagementApi(server, connections);
      server.setExecutor(api.executor);
      server.createContext("/", api::handle);
      server.start();
      return api;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The stage endpoint of {@code region}, as {@code STRIDE_WEBSOCKET_ENDPOINT}. */
  public URI endpoint(String region) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + region);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      int at = path.indexOf(CONNECTIONS);
      if (at < 1) {
        reply(exchange, 404, "NotFoundException", "{\"message\":\"Not Found\"}");
        return;
      }
      String region = path.substring(1, at);
      String id =
          URLDecoder.decode(path.substring(at + CONNECTIONS.length()), StandardCharsets.UTF_8);
      byte[] body = exchange.getRequestBody().readAllBytes();
      Optional<LocalConnection> connection = connections.find(region, id);
      if (connection.isEmpty()) {
        reply(exchange, 410, "GoneException", "{\"message\":null}");
        return;
      }
      switch (exchange.getRequestMethod()) {
        case "POST" -> {
          boolean sent = connection.get().send(new String(body, StandardCharsets.UTF_8));
          reply(
              exchange,
              sent ? 200 : 410,
              sent ? null : "GoneException",
              sent ? "" : "{\"message\":null}");
        }
        case "DELETE" -> {
          connection.get().socket().close(1000, "closed by the service");
          reply(exchange, 204, null, "");
        }
        case "GET" ->
            reply(
                exchange,
                200,
                null,
                new String(
                    Json.toBytes(
                        Map.of(
                            "connectedAt",
                            connection.get().connectedAt().toString(),
                            "identity",
                            Map.of("sourceIp", connection.get().sourceIp()))),
                    StandardCharsets.UTF_8));
        default -> reply(exchange, 405, "MethodNotAllowed", "{\"message\":\"Method Not Allowed\"}");
      }
    }
  }

  private static void reply(HttpExchange exchange, int status, String errorType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (errorType != null) {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
