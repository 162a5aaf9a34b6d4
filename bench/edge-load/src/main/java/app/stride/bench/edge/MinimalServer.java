package app.stride.bench.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The baseline of {@code bench/edge-load}: the JDK's HTTP server with the local gateway's thread
 * count answering the benchmark's three routes with fixed bodies of the same shape: no routing by
 * spec, no token check, no rate limit, no logging, no function behind it. What the edge layer and
 * the platform behind it cost is read against this.
 */
public final class MinimalServer implements AutoCloseable {
  /** The local gateway's worker threads ({@code Gateway}'s executor). */
  static final int THREADS = 16;

  static final byte[] HEALTH = json("{\"status\":\"UP\",\"regions\":[]}");
  static final byte[] PROFILE =
      json(
          "{\"userId\":\"bench\",\"displayName\":\"Bench\",\"preferences\":{\"units\":\"metric\"}}");
  static final byte[] INVALID_TOKEN =
      json(
          "{\"type\":\"https://stride.app/problems/invalid-token\",\"title\":\"The token is invalid,"
              + " expired or already used\",\"status\":401}");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(THREADS);

  /** Binds to {@code port} on the loopback address (0: any free port). */
  public MinimalServer(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /** Starts serving. */
  public void start() {
    server.start();
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
      switch (route) {
        case "GET /health" -> send(exchange, 200, "application/json", HEALTH);
        case "GET /v1/me/profile" -> send(exchange, 200, "application/json", PROFILE);
        case "POST /v1/auth/token/refresh" ->
            send(exchange, 401, "application/problem+json", INVALID_TOKEN);
        default -> send(exchange, 404, "text/plain", new byte[0]);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * {@code MinimalServer [port]}: serves until killed; prints {@code ready <port>} when it does.
   */
  public static void main(String[] args) throws IOException {
    MinimalServer server = new MinimalServer(args.length > 0 ? Integer.parseInt(args[0]) : 0);
    server.start();
    System.out.println("ready " + server.port());
  }
}
