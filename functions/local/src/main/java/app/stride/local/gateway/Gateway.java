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
import app.stride.edge.observability.EdgeMetrics;
import app.stride.edge.observability.HttpTracing;
import app.stride.edge.observability.RequestObserver;
import app.stride.edge.observability.ServiceIdentity;
import app.stride.local.http.HttpExchanges;
import app.stride.local.region.RegionHealth;
import app.stride.local.region.RegionRuntime;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The local edge. It answers {@code /health} and the local-only {@code /dev/*} routes itself; every
 * other route comes from the mobile spec: unknown routes get 404, wrong methods 405, and bodies
 * over the gateway's cap 413 before anything runs. Secured routes need a valid bearer token (401)
 * and go to the token's home region, or, on a {@code path:<param>} route, to the region that path
 * parameter names (a group's region serves its members from every region). Routes without a token
 * go where their {@code x-stride-route} says ({@link RouteHint}, {@link HomeRegions}); when that
 * region answers {@code 421} naming another home region, the call is repeated there once; {@code
 * all-regions} routes ask every region that is up and merge the answers ({@link AllRegions}). Each
 * call reaches a region's function through that cloud's entry shape, carrying the request's W3C
 * {@code traceparent} (a new trace when the client sent none); every request is logged as one JSON
 * line and timed ({@link RequestObserver}). The gateway limits no rates itself: as in the clouds,
 * the functions do, with the shared edge layer, so a 429 here is the function's.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Gateway.class);

  /** The largest body the gateway reads; operations cap lower. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private final RequestValidator routes;
  private final TokenVerifier authorizer;
  private final Map<RegionId, RegionRuntime> regions;
  private final DevRoutes dev;
  private final Map<String, RouteHint> hints;
  private final HomeRegions homes;
  private final HttpServer server;

  /** Worker threads serving requests. */
  static final int THREADS = 16;

  private final ExecutorService executor = Executors.newFixedThreadPool(THREADS);
  private final RequestObserver observer;

  /** A gateway without a global directory: calls routed by the directory go to the first region. */
  public Gateway(
      int port,
      RequestValidator routes,
      TokenVerifier authorizer,
      Map<RegionId, RegionRuntime> regions,
      DevRoutes dev)
      throws IOException {
    this(
        port,
        routes,
        authorizer,
        regions,
        dev,
        new HomeRegions(Optional.empty(), regions.keySet(), regions.keySet().iterator().next()));
  }

  /**
   * @param regions the running regions, in catalog order
   * @param homes how calls without an access token find their home region
   * @throws IllegalArgumentException when the spec carries an {@code x-stride-route} the gateway
   *     does not know
   */
  public Gateway(
      int port,
      RequestValidator routes,
      TokenVerifier authorizer,
      Map<RegionId, RegionRuntime> regions,
      DevRoutes dev,
      HomeRegions homes)
      throws IOException {
    this(port, routes, authorizer, regions, dev, homes, localObserver());
  }

  /** As above, observing requests with {@code observer}. */
  public Gateway(
      int port,
      RequestValidator routes,
      TokenVerifier authorizer,
      Map<RegionId, RegionRuntime> regions,
      DevRoutes dev,
      HomeRegions homes,
      RequestObserver observer)
      throws IOException {
    this.observer = observer;
    this.routes = routes;
    this.authorizer = authorizer;
    this.regions = Collections.unmodifiableMap(new LinkedHashMap<>(regions));
    this.dev = dev;
    this.hints = RouteHint.index(routes.spec());
    this.homes = homes;
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

  /** The gateway's own identity in logs and metrics: no region, function {@code gateway}. */
  static RequestObserver localObserver() {
    ServiceIdentity gateway = new ServiceIdentity("local", "gateway");
    return new RequestObserver(gateway, new EdgeMetrics(new SimpleMeterRegistry(), gateway));
  }

  private void handle(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    ApiResponse response;
    try {
      ApiRequest request = viewer(HttpExchanges.read(exchange, requestId, MAX_BODY_BYTES));
      try (RequestObserver.ObservedRequest call = observer.start(request)) {
        response = call.complete(answer(withTrace(request), call));
      }
    } catch (ProblemException e) {
      response = ApiResponse.problem(e.problem(), e.headers());
    }
    HttpExchanges.write(exchange, response.withHeader("X-Request-Id", requestId));
  }

  /** Routes and answers one request; every failure becomes a problem answer. */
  private ApiResponse answer(ApiRequest request, RequestObserver.ObservedRequest call) {
    try {
      return route(request, call);
    } catch (ProblemException e) {
      return ApiResponse.problem(e.problem(), e.headers());
    } catch (RuntimeException e) {
      log.error("requestId={} gateway failure", request.requestId(), e);
      return ApiResponse.problem(
          Problem.of(ProblemType.INTERNAL, "Something went wrong on our side."), Map.of());
    }
  }

  /** An IPv4 or IPv6 literal, nothing a resolver would look up. */
  private static final java.util.regex.Pattern IP_LITERAL =
      java.util.regex.Pattern.compile(
          "(?:\\d{1,3}(?:\\.\\d{1,3}){3})|(?:[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})");

  /**
   * The request with the viewer's address as its source: the first entry of {@code X-Forwarded-For}
   * when it is an IP literal, as the managed edge reports the address it saw. Every local client
   * connects from the loopback address; this lets tests and the load benchmark act as many clients.
   * Anything else in the header is ignored.
   */
  static ApiRequest viewer(ApiRequest request) {
    Optional<String> forwarded =
        request
            .header("X-Forwarded-For")
            .map(value -> value.split(",", 2)[0].trim())
            .filter(first -> first.length() <= 45 && IP_LITERAL.matcher(first).matches());
    if (forwarded.isEmpty()) {
      return request;
    }
    return new ApiRequest(
        request.method(),
        request.path(),
        request.query(),
        request.headers(),
        request.body(),
        forwarded.get(),
        request.requestId());
  }

  /** The request as the functions get it: the current trace as its {@code traceparent}. */
  private static ApiRequest withTrace(ApiRequest request) {
    Map<String, String> headers = new LinkedHashMap<>(request.headers());
    headers.putAll(HttpTracing.outboundHeaders());
    return new ApiRequest(
        request.method(),
        request.path(),
        request.query(),
        headers,
        request.body(),
        request.sourceIp(),
        request.requestId());
  }

  private ApiResponse route(ApiRequest request, RequestObserver.ObservedRequest call) {
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
    call.operation(operation.operationId());
    if (!operation.secured()) {
      return unauthenticated(operation, request);
    }
    Principal caller = authorizer.verifyAuthorization(request.header("Authorization").orElse(null));
    RegionRuntime region = regions.get(caller.homeRegion());
    if (region == null) {
      throw new ProblemException(
          ProblemType.UNAUTHORIZED, "The token names a region this platform does not run.");
    }
    return pathRegion(operation, request).orElse(region).invoke(operation, request);
  }

  /**
   * The region a {@code path:<param>} route names, when it is one this platform runs: a shared
   * object (a group) is served by its own region whatever the caller's home region. Empty for any
   * other route, and for a prefix naming no running region (the home or fallback region then
   * answers, with a 404).
   */
  private Optional<RegionRuntime> pathRegion(Operation operation, ApiRequest request) {
    RouteHint hint = hints.get(operation.operationId());
    if (hint == null || hint.kind() != RouteHint.Kind.PATH) {
      return Optional.empty();
    }
    return hint.regionIn(operation, request.path())
        .flatMap(
            id -> {
              try {
                return Optional.ofNullable(regions.get(RegionId.of(id)));
              } catch (IllegalArgumentException e) {
                return Optional.empty();
              }
            });
  }

  /**
   * A call without an access token: its {@code x-stride-route} finds the home region; a {@code 421}
   * naming another home region is repeated there once.
   */
  private ApiResponse unauthenticated(Operation operation, ApiRequest request) {
    RouteHint hint = hints.get(operation.operationId());
    if (hint == null) {
      throw new ProblemException(ProblemType.NOT_FOUND, "No route for " + request.path() + ".");
    }
    if (hint.kind() == RouteHint.Kind.ALL_REGIONS) {
      return AllRegions.merge(regions.values(), operation, request);
    }
    if (hint.kind() == RouteHint.Kind.PATH) {
      return pathRegion(operation, request)
          .orElse(regions.get(homes.fallback()))
          .invoke(operation, request);
    }
    RegionRuntime first = regions.get(homes.resolve(hint, request));
    ApiResponse response = first.invoke(operation, request);
    Optional<RegionId> elsewhere =
        wrongRegion(response).filter(r -> !r.equals(first.region().id()));
    if (elsewhere.isPresent() && regions.containsKey(elsewhere.get())) {
      log.debug(
          "requestId={} {} answered 421; repeating in {}",
          request.requestId(),
          first.region().id(),
          elsewhere.get());
      return regions.get(elsewhere.get()).invoke(operation, request);
    }
    return response;
  }

  /** The {@code homeRegion} of a {@code 421 wrong-region} answer. */
  static Optional<RegionId> wrongRegion(ApiResponse response) {
    if (response.status() != 421) {
      return Optional.empty();
    }
    try {
      JsonNode problem = Json.mapper().readTree(response.body());
      if (problem == null || !problem.path("homeRegion").isString()) {
        return Optional.empty();
      }
      return Optional.of(RegionId.of(problem.path("homeRegion").asString()));
    } catch (RuntimeException e) {
      return Optional.empty();
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
