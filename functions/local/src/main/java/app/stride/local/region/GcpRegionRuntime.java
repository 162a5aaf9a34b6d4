package app.stride.local.region;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.openapi.Operation;
import app.stride.core.region.Region;
import app.stride.local.process.ChildJvm;
import app.stride.local.process.Together;
import app.stride.local.worker.LocalPubSub;
import app.stride.local.worker.PubSubEventSource;
import app.stride.testkit.server.FirestoreEmulator;
import app.stride.testkit.server.Loopback;
import app.stride.testkit.server.PubSubEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A GCP region locally: the Firestore emulator (data under the data folder), the Pub/Sub emulator
 * with the region's topics, and per capability a child JVM running the Functions Framework invoker
 * on the deployable archive's jar, reached over HTTP as Cloud Functions would be. With the social
 * capability, the chat server (the Cloud Run service: {@value #CHAT_SERVER} from the same jar) runs
 * in one more child JVM on {@link #chatPort()}, and the social function pushes to it through its
 * internal push with a secret made per start. A capability with a queue worker gets its work topic
 * and one more invoker running the worker's entry, to which a {@link PubSubEventSource} delivers
 * the topic's messages as its push subscription delivers them to the worker function. The data
 * erasers run as in the cloud too: auth publishes to the profile events topic, and each eraser's
 * own invoker gets its filtered subscription's messages as pushes.
 */
public final class GcpRegionRuntime implements RegionRuntime {
  /** The project id the emulators and functions use locally. */
  public static final String PROJECT = "stride-local";

  private static final String INVOKER = "com.google.cloud.functions.invoker.runner.Invoker";

  /**
   * The line Jetty logs once the invoker's connector is bound, in every log format a function
   * installs (plain JUL, slf4j-simple, Cloud Logging JSON). The invoker's own "Serving function"
   * line goes missing where a function's logging setup filters it.
   */
  private static final String INVOKER_READY = "Started oejs.ServerConnector";

  /** The chat server's main class, in the social capability's jar. */
  public static final String CHAT_SERVER = "app.stride.social.gcp.realtime.ChatServer";

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "host", "content-length", "transfer-encoding", "upgrade", "expect");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Region region;
  private final FirestoreEmulator firestore;
  private final PubSubEmulator pubsub;
  private final LocalPubSub admin;
  private final Map<String, Host> hosts = new HashMap<>();
  private final List<PubSubEventSource> sources = new ArrayList<>();
  private Host chat;

  private record Host(ChildJvm jvm, int port, Path jar) {}

  /** The chat channel's link between the social function and the chat server. */
  private record ChatLink(int port, String secret) {
    Map<String, String> pushEnv() {
      return Map.of(
          "STRIDE_CHAT_PUSH_URL",
          "ws://127.0.0.1:" + port + "/internal/push",
          "STRIDE_CHAT_PUSH_SECRET",
          secret);
    }
  }

  private GcpRegionRuntime(Region region, FirestoreEmulator firestore, PubSubEmulator pubsub) {
    this.region = region;
    this.firestore = firestore;
    this.pubsub = pubsub;
    this.admin = new LocalPubSub(pubsub.emulatorHost(), PROJECT);
  }

  /** Starts the region's emulators and the function hosts of {@code deployables}. */
  public static GcpRegionRuntime start(
      Region region, PlatformContext ctx, List<Deployable> deployables) {
    String id = region.id().value();
    FirestoreEmulator firestore =
        FirestoreEmulator.builder()
            .projectId(PROJECT)
            .dataDir(ctx.dataDir().resolve("firestore").resolve(id))
            .start();
    PubSubEmulator pubsub;
    try {
      pubsub = PubSubEmulator.start();
    } catch (RuntimeException e) {
      firestore.close();
      throw e;
    }
    GcpRegionRuntime runtime = new GcpRegionRuntime(region, firestore, pubsub);
    Map<String, Map<String, String>> envs = new HashMap<>();
    try {
      ChatLink link = new ChatLink(Loopback.freePort(), newSecret());
      for (Deployable deployable : deployables) {
        String topic = "stride-" + deployable.eventsStem() + "-events-" + id;
        runtime.admin.createTopic(topic);
        Map<String, String> env = hostEnv(region, ctx, deployable, firestore, pubsub, topic);
        if (deployable.serves(Deployable.SOCIAL.function())) {
          env.putAll(link.pushEnv());
        }
        deployable
            .worker()
            .ifPresent(
                w -> {
                  runtime.admin.createTopic(w.queueName(id));
                  env.put(w.topicEnv(), w.queueName(id));
                });
        Host host = startHost(region, ctx, deployable, env);
        runtime.hosts.put(deployable.function(), host);
        if (deployable.worker().isPresent()) {
          runtime.startWorker(ctx, deployable, host.jar(), env);
        }
        envs.put(deployable.function(), env);
      }
      runtime.startSubscribers(ctx, deployables, envs);
      Host social = runtime.hosts.get(Deployable.SOCIAL.function());
      if (social != null) {
        Map<String, String> env =
            hostEnv(
                region, ctx, Deployable.SOCIAL, firestore, pubsub, "stride-social-events-" + id);
        env.putAll(link.pushEnv());
        runtime.chat = startChatServer(region, social.jar(), link.port(), env);
      }
      return runtime;
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  /**
   * The capability's queue worker as infra's {@code PushWorker} deploys it: a function of its own
   * ({@code stride-<function>-worker-<id>}, the same jar with the worker's entry), to which the
   * work topic's delivery subscription is delivered ({@link PubSubEventSource}).
   */
  private void startWorker(
      PlatformContext ctx, Deployable deployable, Path jar, Map<String, String> env) {
    Deployable.Worker worker = deployable.worker().orElseThrow();
    String id = region.id().value();
    String name = "stride-" + deployable.function() + "-worker-" + id;
    Map<String, String> workerEnv = new HashMap<>(env);
    workerEnv.put("K_SERVICE", name);
    String host = "gcp-" + id + "-" + deployable.function() + "-worker";
    Host function = startInvoker(host, ctx.invokerClassPath(), jar, worker.gcpTarget(), workerEnv);
    hosts.put(deployable.function() + ":worker", function);
    String topic = worker.queueName(id);
    // A lease long enough for every message of a pull to be answered within the worker's timeout.
    String subscription =
        admin.createDeliverySubscription(topic, worker.timeout().plus(Duration.ofSeconds(30)));
    sources.add(
        PubSubEventSource.start(
            host + "-source",
            admin,
            new PubSubEventSource.Target(
                topic,
                subscription,
                URI.create("http://127.0.0.1:" + function.port() + "/"),
                worker.timeout())));
  }

  /**
   * The capabilities' event subscribers (the data erasers) as infra deploys them: per subscriber a
   * function of its own ({@code stride-<function>-<stem>-<id>}, the same jar with the subscriber's
   * entry, the capability's environment) and a subscription of the profile events (where auth
   * publishes account deletions) of the same name, filtered on the event type, with its own
   * dead-letter topic, delivered to the function as pushes ({@link PubSubEventSource}, which
   * applies the filter the emulator ignores).
   */
  private void startSubscribers(
      PlatformContext ctx, List<Deployable> deployables, Map<String, Map<String, String>> envs) {
    String id = region.id().value();
    String events = "stride-" + Deployable.PROFILES.function() + "-events-" + id;
    for (Deployable deployable : deployables) {
      for (Deployable.Subscriber subscriber : deployable.subscribers()) {
        String name = subscriber.name(deployable.function(), id);
        Map<String, String> env = new HashMap<>(envs.get(deployable.function()));
        env.put("K_SERVICE", name);
        String host = "gcp-" + id + "-" + deployable.function() + "-" + subscriber.stem();
        Host function =
            startInvoker(
                host,
                ctx.invokerClassPath(),
                hosts.get(deployable.function()).jar(),
                subscriber.gcpTarget(),
                env);
        hosts.put(deployable.function() + ":" + subscriber.stem(), function);
        admin.createTopic(events);
        String deadLetters =
            admin.createFilteredSubscription(
                events,
                name,
                subscriber.eventType(),
                subscriber.timeout().plus(Duration.ofSeconds(30)));
        sources.add(
            PubSubEventSource.start(
                host + "-source",
                admin,
                new PubSubEventSource.Target(
                    events,
                    name,
                    URI.create("http://127.0.0.1:" + function.port() + "/"),
                    subscriber.timeout(),
                    deadLetters,
                    Optional.of(subscriber.eventType()))));
      }
    }
  }

  /** The chat server's loopback port ({@code ws://127.0.0.1:<port>/v1/ws}); empty without it. */
  public java.util.Optional<Integer> chatPort() {
    return java.util.Optional.ofNullable(chat).map(Host::port);
  }

  @Override
  public Region region() {
    return region;
  }

  @Override
  public RegionHealth health() {
    return RegionHealth.probe(
        region,
        firestore.endpoint(),
        "the Firestore emulator",
        java.util.stream.Stream.concat(
                hosts.values().stream(), java.util.stream.Stream.ofNullable(chat))
            .map(Host::jvm)
            .toList());
  }

  @Override
  public ApiResponse invoke(Operation operation, ApiRequest request) {
    Host host = hosts.get(operation.function());
    if (host == null) {
      return AwsRegionRuntime.unavailable(
          "No function " + operation.function() + " in region " + region.id());
    }
    String query =
        request.query().entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder forward =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + host.port()
                        + request.path()
                        + (query.isEmpty() ? "" : "?" + query)))
            .timeout(Duration.ofSeconds(30))
            .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request
        .headers()
        .forEach(
            (name, value) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                forward.header(name, value);
              }
            });
    forward.header("X-Forwarded-For", request.sourceIp());
    try {
      HttpResponse<byte[]> response =
          HTTP.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> headers = new LinkedHashMap<>();
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))
                    && !name.equalsIgnoreCase("date")
                    && !name.equalsIgnoreCase("server")) {
                  headers.put(name, String.join(", ", values));
                }
              });
      return new ApiResponse(response.statusCode(), headers, response.body());
    } catch (IOException e) {
      return AwsRegionRuntime.unavailable(
          "The function of region " + region.id() + " does not answer.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return AwsRegionRuntime.unavailable("Interrupted.");
    }
  }

  @Override
  public void close() {
    // Event sources first: none delivers to a function that is stopping.
    Together.close(sources);
    List<ChildJvm> jvms = new ArrayList<>(hosts.values().stream().map(Host::jvm).toList());
    if (chat != null) {
      jvms.add(chat.jvm());
    }
    Together.close(jvms);
    pubsub.close();
    firestore.close();
  }

  /** What every function host of the region gets: its settings, the emulators, its topic. */
  private static Map<String, String> hostEnv(
      Region region,
      PlatformContext ctx,
      Deployable deployable,
      FirestoreEmulator firestore,
      PubSubEmulator pubsub,
      String topic) {
    String id = region.id().value();
    Map<String, String> env = new HashMap<>(ctx.functionEnv().of(region, deployable));
    env.put("STRIDE_REGION", id);
    env.put("GOOGLE_CLOUD_PROJECT", PROJECT);
    env.put("STRIDE_FIRESTORE_PROJECT", PROJECT);
    env.put("FIRESTORE_EMULATOR_HOST", firestore.emulatorHost());
    env.put("STRIDE_EVENTS_TOPIC", topic);
    env.put("PUBSUB_EMULATOR_HOST", pubsub.emulatorHost());
    env.put("STRIDE_PUBSUB_ENDPOINT", pubsub.emulatorHost());
    env.put("K_SERVICE", "stride-" + deployable.function() + "-" + id);
    return env;
  }

  private static Host startHost(
      Region region, PlatformContext ctx, Deployable deployable, Map<String, String> env) {
    Path jar =
        extractJar(ctx.root().resolve(deployable.gcpArchive()), ctx.dataDir().resolve("gcf"));
    return startInvoker(
        "gcp-" + region.id().value() + "-" + deployable.function(),
        ctx.invokerClassPath(),
        jar,
        deployable.gcpTarget(),
        env);
  }

  /** The Functions Framework invoker serving {@code target} of {@code jar} on a free port. */
  private static Host startInvoker(
      String name, List<Path> invokerClassPath, Path jar, String target, Map<String, String> env) {
    int port = Loopback.freePort();
    ChildJvm jvm =
        ChildJvm.start(
            name,
            invokerClassPath,
            List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            INVOKER,
            List.of(
                "--port",
                Integer.toString(port),
                "--target",
                target,
                "--classpath",
                jar.toString()),
            env,
            INVOKER_READY,
            port,
            Duration.ofSeconds(90));
    return new Host(jvm, port, jar);
  }

  /**
   * The Cloud Run chat server: the social jar (Java-WebSocket is shaded in) with its own main, as
   * the service's container runs it, on {@code port} ({@code PORT}) of the loopback interface.
   */
  private static Host startChatServer(
      Region region, Path socialJar, int port, Map<String, String> env) {
    Map<String, String> chatEnv = new HashMap<>(env);
    chatEnv.put("PORT", Integer.toString(port));
    chatEnv.put("STRIDE_CHAT_BIND", "127.0.0.1");
    chatEnv.put("K_SERVICE", "stride-chat-" + region.id().value());
    ChildJvm jvm =
        ChildJvm.start(
            "gcp-" + region.id().value() + "-chat",
            List.of(socialJar),
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            CHAT_SERVER,
            List.of(),
            chatEnv,
            "Serving chat",
            port,
            Duration.ofSeconds(90));
    return new Host(jvm, port, socialJar);
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Cloud Functions unpacks the archive and runs the jar at its root; so does this. */
  static Path extractJar(Path archive, Path dir) {
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException(
          "missing " + archive + ": build it with ./mvnw -B package -DskipTests");
    }
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
      Files.createDirectories(dir);
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String name = entry.getName();
        if (!entry.isDirectory() && name.endsWith(".jar") && !name.contains("/")) {
          Path jar = dir.resolve(name);
          Files.copy(zip, jar, StandardCopyOption.REPLACE_EXISTING);
          return jar;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + archive, e);
    }
    throw new IllegalStateException(archive + " holds no jar at its root");
  }
}
