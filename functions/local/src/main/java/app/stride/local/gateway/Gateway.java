package app.stride.local.gateway;

import app.stride.core.auth.Principal;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.openapi.Operation;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.local.region.RegionHealth;
import app.stride.local.region.RegionRuntime;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local edge. It answers {@code /health} and the local-only {@code /dev/*} routes itself; every
 * other route comes from the mobile spec: unknown routes get 404, wrong methods 405, secured routes
 * need a valid bearer token (401), and the request goes to the caller's home region's function
 * through that cloud's entry shape. Bodies over the gateway's cap get 413 before anything runs.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Gateway.class);

  /** The largest body the gateway reads; operations cap lower. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private final RequestValidator routes;
  private final TokenVerifier authorizer;
  private final Map<RegionId, RegionRuntime> regions;
  private final DevRoutes dev;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(16);

  public Gateway(
      int port,
      RequestValidator routes,
      TokenVerifier authorizer,
      Map<RegionId, RegionRuntime> regions,
      DevRoutes dev)
      throws IOException {
    this.routes = routes;
    this.authorizer = authorizer;
    this.regions = Map.copyOf(regions);
    this.dev = dev;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /** Starts serving. */
  public void start() {
    server.start();
  }

  /** The port the gateway listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The health of every region, in configuration order. */
  public Map<String, Object> health(List<RegionRuntime> ordered) {
    List<RegionHealth> lines = ordered.stream().map(RegionRuntime::health).toList();
    long up = lines.stream().filter(l -> l.status().equals("UP")).count();
    String status = up == lines.size() ? "UP" : up == 0 ? "DOWN" : "DEGRADED";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("regions", lines);
    return body;
  }

  private void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    String requestId = UUID.randomUUID().toString();
    ApiResponse response;
    ApiRequest request = null;
    try {
      request = read(exchange, requestId);
      response = route(request);
    } catch (ProblemException e) {
      response = ApiResponse.problem(e.problem(), e.headers());
    } catch (RuntimeException e) {
      log.error("requestId={} gateway failure", requestId, e);
      response =
          ApiResponse.problem(
              Problem.of(ProblemType.INTERNAL, "Something went wrong on our side."), Map.of());
    }
    write(exchange, response.withHeader("X-Request-Id", requestId));
    log.info(
        "requestId={} method={} path={} status={} latencyMs={}",
        requestId,
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        response.status(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private ApiResponse route(ApiRequest request) {
    if (request.path().equals("/health")) {
      if (!request.method().equals("GET")) {
        throw methodNotAllowed("GET");
      }
      return ApiResponse.json(200, dev.health());
    }
    if (request.path().startsWith("/dev/")) {
      return dev.handle(request);
    }
    Operation operation = routes.route(request.method(), request.path());
    if (!operation.secured()) {
      throw new ProblemException(ProblemType.NOT_FOUND, "No route for " + request.path() + ".");
    }
    Principal caller = authorizer.verifyAuthorization(request.header("Authorization").orElse(null));
    RegionRuntime region = regions.get(caller.homeRegion());
    if (region == null) {
      throw new ProblemException(
          ProblemType.UNAUTHORIZED, "The token names a region this platform does not run.");
    }
    return region.invoke(operation, request);
  }

  private static ApiRequest read(HttpExchange exchange, String requestId) throws IOException {
    Map<String, String> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name, String.join(",", values)));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new ProblemException(
          ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds " + MAX_BODY_BYTES + " bytes.");
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

  private static Map<String, String> query(String raw) {
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

  private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
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

  static ProblemException methodNotAllowed(String allow) {
    return new ProblemException(
        Problem.of(ProblemType.METHOD_NOT_ALLOWED, "Allowed: " + allow + "."),
        Map.of("Allow", allow),
        null);
  }

  static ApiResponse json(int status, Object body) {
    return new ApiResponse(status, Map.of("Content-Type", "application/json"), Json.toBytes(body));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
