package app.stride.bench.edge.layer;

import app.stride.auth.token.AccessTokenIssuer;
import app.stride.auth.token.KeyRing;
import app.stride.core.auth.JwtTokenVerifier;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.config.Env;
import app.stride.core.crypto.NativeCrypto;
import app.stride.core.event.EventPublisher;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.region.RegionId;
import app.stride.edge.function.EdgeHttp;
import app.stride.edge.function.OriginVerification;
import app.stride.profiles.ProfilesFunctions;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The two sides of the layer benchmark in one JVM, over one profiles {@link ApiFunction} (profiles
 * core, the real spec, real ES256 access tokens, an in-memory store):
 *
 * <ul>
 *   <li>{@value #BARE}: the function as it always is: routing and validation against the spec,
 *       token verification, the handler. No edge.
 *   <li>{@value #EDGE}: the same function through {@link EdgeHttp#around} as the deployables serve
 *       it: request observer (trace scope, one JSON request line, the request timer), the origin
 *       check with the viewer's address, the rate-limit guard on the given Redis.
 * </ul>
 *
 * Each side is a JDK {@link HttpServer} with the local gateway's 16 worker threads. At start, it
 * creates {@code users} users with a profile and writes one line per user, {@code "<token> <ip>"},
 * to the clients file, for wrk to rotate through (each user with an address of its own, so that the
 * per-user and per-IP buckets of the read class stay far from their limits).
 *
 * <p>Usage: {@code LayerServer <bare port> <edge port> <redis url> <users> <clients file> <origin
 * secret>}; prints {@code ready} when both listen. A redis url of {@value #NO_REDIS} leaves {@code
 * STRIDE_REDIS_URL} unset: the edge then limits in this process, which splits the Redis round trip
 * out of the edge's cost.
 */
public final class LayerServer implements AutoCloseable {
  /** The side without the edge. */
  public static final String BARE = "bare";

  /** The side with the edge. */
  public static final String EDGE = "edge";

  /** The redis url argument that means: no Redis, in-process buckets. */
  static final String NO_REDIS = "-";

  static final RegionId REGION = RegionId.of("eu");
  static final String ISSUER = "https://auth.eu.stride.app";
  static final String AUDIENCE = "stride-api";
  private static final int THREADS = 16;

  private final List<HttpServer> servers = new ArrayList<>();
  private final List<ExecutorService> executors = new ArrayList<>();
  private final List<String> clients = new ArrayList<>();

  /**
   * Builds the function, its users and both servers (not yet started).
   *
   * @param barePort port of the bare side (0: any)
   * @param edgePort port of the edge side (0: any)
   * @param edgeEnv the edge's settings: {@code STRIDE_REDIS_URL}, {@code
   *     STRIDE_ORIGIN_VERIFY_SECRET} (region and the rest are set here)
   * @param users how many users to create
   */
  public LayerServer(int barePort, int edgePort, Map<String, String> edgeEnv, int users)
      throws IOException {
    Sides sides = Sides.build(edgeEnv, users);
    clients.addAll(sides.clients());
    servers.add(server(barePort, sides.bare()));
    servers.add(server(edgePort, sides.edge()));
  }

  /**
   * The two sides of the layer benchmark, without a server: the same profiles function bare and
   * behind the edge, and its users.
   *
   * @param bare the profiles function (routing, validation, token verification, the handler)
   * @param edge the same function behind {@code EdgeHttp.around}
   * @param clients one {@code "<token> <ip>"} line per user, each with a profile
   */
  public record Sides(
      ApiFunction bare, Function<ApiRequest, ApiResponse> edge, List<String> clients) {
    /**
     * Builds both sides and {@code users} users.
     *
     * @param edgeEnv the edge's settings: {@code STRIDE_REDIS_URL}, {@code
     *     STRIDE_ORIGIN_VERIFY_SECRET} (region and the rest are set here)
     */
    public static Sides build(Map<String, String> edgeEnv, int users) {
      Clock clock = Clock.systemUTC();
      KeyRing ring = KeyRing.bootstrap(REGION, clock.instant());
      AccessTokenIssuer issuer =
          new AccessTokenIssuer(ISSUER, AUDIENCE, Duration.ofHours(2), clock);
      TokenVerifier verifier = JwtTokenVerifier.forJwks(ring.publicJwks(), ISSUER, AUDIENCE, clock);
      EventPublisher events = event -> {};
      ApiFunction profiles =
          ProfilesFunctions.http(new MemoryProfileStore(REGION), events, verifier, REGION, clock);
      List<String> clients = new ArrayList<>();
      for (int i = 1; i <= users; i++) {
        String token =
            issuer.issue(ring, "layer-bench-" + i, Set.of("stride"), List.of("pwd")).token();
        createProfile(profiles, token);
        clients.add(token + " 10.78." + (i / 250) + "." + (i % 250 + 1));
      }
      Map<String, String> env = new HashMap<>(edgeEnv);
      env.put("STRIDE_REGION", REGION.value());
      Function<ApiRequest, ApiResponse> edge =
          EdgeHttp.around(profiles, new Env(env), new SimpleMeterRegistry());
      return new Sides(profiles, edge, List.copyOf(clients));
    }
  }

  /** Starts both sides. */
  public void start() {
    servers.forEach(HttpServer::start);
  }

  /** The port of the bare side. */
  public int barePort() {
    return servers.get(0).getAddress().getPort();
  }

  /** The port of the edge side. */
  public int edgePort() {
    return servers.get(1).getAddress().getPort();
  }

  /** One {@code "<token> <ip>"} line per user. */
  public List<String> clients() {
    return List.copyOf(clients);
  }

  @Override
  public void close() {
    servers.forEach(server -> server.stop(0));
    executors.forEach(ExecutorService::shutdownNow);
  }

  private HttpServer server(int port, Function<ApiRequest, ApiResponse> function)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    executors.add(executor);
    server.setExecutor(executor);
    server.createContext("/", new ApiHttpHandler(function));
    return server;
  }

  private static void createProfile(ApiFunction profiles, String token) {
    ApiResponse created =
        profiles.apply(
            new ApiRequest(
                "PUT",
                "/v1/me/profile",
                Map.of(),
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
                "{\"displayName\":\"Bench\",\"preferences\":{\"units\":\"metric\"}}"
                    .getBytes(StandardCharsets.UTF_8),
                "127.0.0.1",
                "seed"));
    if (created.status() / 100 != 2) {
      throw new IllegalStateException("could not create a profile: " + created.bodyText());
    }
  }

  /** Runs both sides until the process is stopped. */
  public static void main(String[] args) throws IOException {
    if (args.length != 6) {
      System.err.println(
          "usage: LayerServer <bare port> <edge port> <redis url> <users> <clients file> <secret>");
      System.exit(2);
    }
    Map<String, String> edgeEnv = new HashMap<>(Map.of(OriginVerification.SECRET_ENV, args[5]));
    if (!NO_REDIS.equals(args[2])) {
      edgeEnv.put("STRIDE_REDIS_URL", args[2]);
    }
    LayerServer server =
        new LayerServer(
            Integer.parseInt(args[0]),
            Integer.parseInt(args[1]),
            edgeEnv,
            Integer.parseInt(args[3]));
    try (PrintWriter out =
        new PrintWriter(Files.newBufferedWriter(Path.of(args[4]), StandardCharsets.UTF_8))) {
      server.clients().forEach(out::println);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    server.start();
    System.out.println(
        "rate limits: "
            + (NO_REDIS.equals(args[2]) ? "in this process (no Redis)" : "Redis " + args[2])
            + "; crypto: "
            + NativeCrypto.status().detail()
            + "; cpus: "
            + Runtime.getRuntime().availableProcessors());
    System.out.println("ready bare=" + server.barePort() + " edge=" + server.edgePort());
    System.out.flush();
  }
}
