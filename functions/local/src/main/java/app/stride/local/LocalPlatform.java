package app.stride.local;

import app.stride.apispecs.ApiSpecs;
import app.stride.core.directory.DirectoryKeys;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.Operation;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.region.Cloud;
import app.stride.core.region.Region;
import app.stride.core.region.RegionCatalog;
import app.stride.core.region.RegionId;
import app.stride.core.store.CursorSeal;
import app.stride.local.auth.AuthEnvironment;
import app.stride.local.auth.DirectorySecret;
import app.stride.local.auth.LocalDirectory;
import app.stride.local.devices.LocalDevices;
import app.stride.local.gateway.DevRoutes;
import app.stride.local.gateway.Gateway;
import app.stride.local.gateway.GuardedRegions;
import app.stride.local.gateway.HomeRegions;
import app.stride.local.mail.LocalMailbox;
import app.stride.local.process.Together;
import app.stride.local.realtime.LocalRealtime;
import app.stride.local.region.AwsRegionRuntime;
import app.stride.local.region.Deployable;
import app.stride.local.region.GcpRegionRuntime;
import app.stride.local.region.PlatformContext;
import app.stride.local.region.RegionRuntime;
import app.stride.local.region.UnavailableRegion;
import app.stride.testkit.server.Availability;
import app.stride.testkit.server.ElasticMqServer;
import app.stride.testkit.server.GcloudEmulators;
import app.stride.testkit.server.KafkaServer;
import app.stride.testkit.server.Loopback;
import app.stride.testkit.server.RedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Stride locally: ElasticMQ and Kafka shared by all regions, the global directory, the mail
 * server and (when installed) Redis, every configured region on its own servers with its functions
 * (profiles, auth) in child JVMs, and the gateway. {@code main} prints one line with {@code ready}
 * and the URL once the gateway serves.
 */
public final class LocalPlatform implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

  private final List<AutoCloseable> resources = new ArrayList<>();
  private Gateway gateway;
  private LocalRealtime realtime;

  private LocalPlatform() {}

  public static void main(String[] args) {
    // The JDK's HTTP server writes a response's head and body separately; without TCP_NODELAY a
    // keep-alive client waits out the delayed ACK (about 40 ms) on every request.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    LocalOptions options;
    try {
      options = LocalOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    LocalPlatform platform = start(options, RegionCatalog.fromEnvironment(System.getenv()));
    Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "local-platform-stop"));
    System.out.println(
        "Stride local platform ready at " + platform.url() + " (chat " + platform.chatUrl() + ")");
  }

  /** Starts everything; fails (after stopping what started) if a required server cannot start. */
  public static LocalPlatform start(LocalOptions options, RegionCatalog catalog) {
    return start(options, catalog, System.getenv());
  }

  /**
   * Starts everything as {@link #start(LocalOptions, RegionCatalog)} does, reading the developer's
   * provider settings ({@code STRIDE_OAUTH_*}, {@code STRIDE_PROVIDER_*}, see {@link LocalDevices})
   * from {@code environment} instead of the process's: the hook through which a test points the
   * devices functions, HTTP and worker alike, at its provider stubs.
   */
  public static LocalPlatform start(
      LocalOptions options, RegionCatalog catalog, Map<String, String> environment) {
    LocalPlatform platform = new LocalPlatform();
    try {
      platform.boot(options, catalog, environment);
      return platform;
    } catch (RuntimeException | IOException e) {
      platform.close();
      throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
    }
  }

  /** The chat channel's WebSocket URL ({@code ws://localhost:<port>/v1/ws}). */
  public String chatUrl() {
    return realtime.url();
  }

  /** The gateway's base URL. */
  public String url() {
    return "http://localhost:" + gateway.port();
  }

  private void boot(LocalOptions options, RegionCatalog catalog, Map<String, String> environment)
      throws IOException {
    if (options.reset()) {
      deleteTree(options.dataDir());
    }
    Files.createDirectories(options.dataDir());
    Clock clock = Clock.systemUTC();
    LocalTokenIssuer issuer = LocalTokenIssuer.load(options.dataDir(), catalog, clock);
    // The auth functions put the gateway's URL into mail links, so it is fixed before they start.
    int port = options.port() == 0 ? Loopback.freePort() : options.port();

    ElasticMqServer sqs = own(ElasticMqServer.builder().region("eu-central-1").start());
    CompletableFuture<KafkaServer> kafka =
        CompletableFuture.supplyAsync(
            () -> KafkaServer.builder().logDir(options.dataDir().resolve("kafka")).start());
    LocalMailbox mailbox = own(LocalMailbox.start(clock));
    LocalDirectory directory = own(LocalDirectory.start(options.dataDir(), clock));
    Optional<URI> redis = startRedis();
    String directorySecret = DirectorySecret.loadOrCreate(options.dataDir());
    // Seals the list cursors of every function; a fresh one per start (old cursors then get 400).
    String cursorKey = Base64.getEncoder().encodeToString(randomBytes(32));
    AuthEnvironment auth =
        new AuthEnvironment(
            directorySecret,
            directory.url(),
            directory.apiSecret(),
            URI.create("http://localhost:" + port),
            mailbox.smtpHost(),
            mailbox.smtpPort(),
            redis,
            catalog.all().stream().map(Region::id).toList());
    // The chat channel's management API first: the social functions are started pointing at it.
    LocalRealtime chat = own(LocalRealtime.start());
    LocalDevices devices = own(LocalDevices.start(options.dataDir(), catalog.all(), environment));
    realtime = chat;
    PlatformContext ctx =
        new PlatformContext(
            options.root(),
            options.dataDir(),
            List.of(lambdaHostClasses()),
            invokerClassPath(options.root()),
            (region, deployable) -> {
              Map<String, String> env = functionEnv(issuer, auth, cursorKey, region, deployable);
              env.putAll(chat.functionEnv(region, deployable));
              env.putAll(devices.functionEnv(region, deployable));
              return env;
            });

    Map<RegionId, RegionRuntime> regions = startRegions(catalog, ctx, sqs);
    KafkaServer backbone = own(join(kafka));
    log.info("event backbone (Kafka) at {}", backbone.bootstrapServers());

    HomeRegions homes =
        new HomeRegions(
            Optional.of(
                new HomeRegions.Directory(
                    directory.port(),
                    new DirectoryKeys(Base64.getDecoder().decode(directorySecret)))),
            regions.keySet(),
            catalog.all().get(0).id());
    startGateway(port, catalog, issuer, mailbox, regions, homes);
    // WebSocket on its own port (the JDK HTTP server cannot upgrade): the next one, or any.
    chat.serve(options.port() == 0 ? 0 : port + 1, regions, issuer.verifier());
  }

  /** Every region at once, each with every deployable; in catalog order. */
  private Map<RegionId, RegionRuntime> startRegions(
      RegionCatalog catalog, PlatformContext ctx, ElasticMqServer sqs) {
    List<Deployable> deployables = Deployable.ALL;
    Map<RegionId, CompletableFuture<RegionRuntime>> starting = new LinkedHashMap<>();
    for (Region region : catalog.all()) {
      starting.put(
          region.id(),
          CompletableFuture.supplyAsync(() -> startRegion(region, ctx, sqs, deployables)));
    }
    // Stopped together, as they start: each region's stop waits on its own hosts and sources.
    Map<RegionId, RegionRuntime> regions = new LinkedHashMap<>();
    AutoCloseable stopRegions = () -> Together.close(List.copyOf(regions.values()));
    own(stopRegions);
    for (Map.Entry<RegionId, CompletableFuture<RegionRuntime>> entry : starting.entrySet()) {
      regions.put(entry.getKey(), join(entry.getValue()));
    }
    return regions;
  }

  private void startGateway(
      int port,
      RegionCatalog catalog,
      LocalTokenIssuer issuer,
      LocalMailbox mailbox,
      Map<RegionId, RegionRuntime> regions,
      HomeRegions homes)
      throws IOException {
    List<RegionRuntime> ordered = List.copyOf(regions.values());
    RequestValidator mobile = new RequestValidator(spec("mobile-api", ApiSpecs.mobileApi()));
    RequestValidator localDev = new RequestValidator(spec("local-dev", ApiSpecs.localDev()));
    Gateway[] holder = new Gateway[1];
    DevRoutes dev =
        new DevRoutes(localDev, issuer, catalog, mailbox, () -> holder[0].health(ordered));
    Set<String> functions =
        mobile.spec().operations().stream().map(Operation::function).collect(Collectors.toSet());
    GuardedRegions guarded = own(new GuardedRegions(regions, functions, new SimpleMeterRegistry()));
    gateway = new Gateway(port, mobile, issuer.verifier(), guarded.regions(), dev, homes);
    holder[0] = gateway;
    gateway.start();
  }

  /** Token verification for every function; the auth functions get their own settings on top. */
  private static Map<String, String> functionEnv(
      LocalTokenIssuer issuer,
      AuthEnvironment auth,
      String cursorKey,
      Region region,
      Deployable deployable) {
    Map<String, String> env = new HashMap<>(issuer.functionEnv());
    env.put(CursorSeal.KEY_ENV, cursorKey);
    String regionsFile = System.getenv("STRIDE_REGIONS_FILE");
    if (regionsFile != null && !regionsFile.isBlank()) {
      env.put("STRIDE_REGIONS_FILE", regionsFile);
    }
    auth.redisUrl(region.id()).ifPresent(url -> env.put("STRIDE_REDIS_URL", url));
    if (deployable.serves(Deployable.AUTH.function())) {
      env.putAll(auth.forRegion(region.id(), issuer));
    }
    return env;
  }

  /**
   * The throttle's Redis when {@code redis-server} is installed; else the functions count alone.
   */
  private Optional<URI> startRedis() {
    Availability redis = RedisServer.availability();
    if (!redis.isPresent()) {
      log.warn(
          "no redis-server here ({}): each auth function keeps its login throttle counters in"
              + " process",
          redis.reason());
      return Optional.empty();
    }
    return Optional.of(own(RedisServer.start()).endpoint());
  }

  private static RegionRuntime startRegion(
      Region region, PlatformContext ctx, ElasticMqServer sqs, List<Deployable> deployables) {
    if (region.cloud() == Cloud.AWS) {
      return AwsRegionRuntime.start(region, ctx, sqs, deployables);
    }
    Availability firestore = GcloudEmulators.firestore();
    Availability pubsub = GcloudEmulators.pubSub();
    if (!firestore.isPresent() || !pubsub.isPresent()) {
      String reason = !firestore.isPresent() ? firestore.reason() : pubsub.reason();
      log.warn("region {} is DOWN: {}", region.id(), reason);
      return new UnavailableRegion(region, reason);
    }
    return GcpRegionRuntime.start(region, ctx, deployables);
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    new java.security.SecureRandom().nextBytes(bytes);
    return bytes;
  }

  /** Where {@code LambdaHost} was loaded from: this module's classes or jar. */
  static Path lambdaHostClasses() {
    try {
      return Path.of(
          app.stride.local.aws.LambdaHost.class
              .getProtectionDomain()
              .getCodeSource()
              .getLocation()
              .toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Functions Framework invoker jar, whose location the build writes down. */
  static List<Path> invokerClassPath(Path root) throws IOException {
    Path listing = root.resolve("functions/local/target/invoker-classpath.txt");
    if (!Files.isRegularFile(listing)) {
      throw new IllegalStateException(
          "missing " + listing + ": build first with ./mvnw -B install -DskipTests");
    }
    for (String entry : Files.readString(listing).trim().split(java.io.File.pathSeparator)) {
      if (Path.of(entry).getFileName().toString().startsWith("java-function-invoker-")) {
        return List.of(Path.of(entry));
      }
    }
    throw new IllegalStateException("no java-function-invoker jar in " + listing);
  }

  private static OpenApiSpec spec(String id, InputStream in) throws IOException {
    try (in) {
      return OpenApiSpec.read(id, in);
    }
  }

  private <T extends AutoCloseable> T own(T resource) {
    resources.add(resource);
    return resource;
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (gateway != null) {
      gateway.close();
      gateway = null;
    }
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        log.warn("stopping {} failed: {}", resources.get(i), e.toString());
      }
    }
    resources.clear();
  }
}
