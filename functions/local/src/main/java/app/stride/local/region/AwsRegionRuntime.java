package app.stride.local.region;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.openapi.Operation;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.Region;
import app.stride.local.aws.ApiGatewayV2Codec;
import app.stride.local.aws.LambdaHost;
import app.stride.local.process.ChildJvm;
import app.stride.local.process.Together;
import app.stride.local.worker.LocalSqs;
import app.stride.local.worker.LocalWorkQueue;
import app.stride.local.worker.SqsEventSource;
import app.stride.local.worker.SqsFanOut;
import app.stride.testkit.server.DynaliteServer;
import app.stride.testkit.server.ElasticMqServer;
import app.stride.testkit.server.Loopback;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An AWS region locally: its own dynalite (data under the data folder), its event queue on the
 * shared ElasticMQ, and per capability a child JVM running the deployable Lambda jar behind {@link
 * LambdaHost}, fed API Gateway v2 events. A capability with a queue worker also gets its work queue
 * (with a dead-letter queue) and a second host running the worker's definition, fed SQS batches by
 * an {@link SqsEventSource} as Lambda's event source mapping feeds it in the cloud. The data
 * erasers run as in the cloud too: auth publishes to the profile events, fanned out by type to one
 * queue and Lambda host per eraser.
 */
public final class AwsRegionRuntime implements RegionRuntime {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Region region;
  private final DynaliteServer dynalite;
  private final Map<String, Host> hosts = new HashMap<>();
  private final List<SqsEventSource> sources = new ArrayList<>();
  private SqsFanOut fanOut;

  private record Host(ChildJvm jvm, int port) {}

  private AwsRegionRuntime(Region region, DynaliteServer dynalite) {
    this.region = region;
    this.dynalite = dynalite;
  }

  /** Starts the region's store and the function hosts of {@code deployables}. */
  public static AwsRegionRuntime start(
      Region region, PlatformContext ctx, ElasticMqServer sqs, List<Deployable> deployables) {
    String id = region.id().value();
    DynaliteServer dynalite =
        DynaliteServer.builder().dataDir(ctx.dataDir().resolve("dynamodb").resolve(id)).start();
    AwsRegionRuntime runtime = new AwsRegionRuntime(region, dynalite);
    Map<String, Map<String, String>> envs = new HashMap<>();
    try (SqsClient client = LocalSqs.client(sqs)) {
      for (Deployable deployable : deployables) {
        String table = "stride-" + deployable.function() + "-" + id;
        String queue = createQueue(client, "stride-" + deployable.eventsStem() + "-events-" + id);
        Map<String, String> env =
            hostEnv(region, ctx, deployable, deployables, dynalite, sqs, table, queue);
        Optional<LocalWorkQueue> work =
            deployable.worker().map(w -> LocalWorkQueue.create(client, w.queueName(id)));
        work.ifPresent(q -> env.put(deployable.worker().orElseThrow().queueUrlEnv(), q.url()));
        String name = "stride-" + deployable.function() + "-" + id;
        runtime.hosts.put(deployable.function(), startHost(region, ctx, deployable, name, env));
        if (deployable.serves(Deployable.SOCIAL.function())) {
          // The chat channel's Lambda: the same jar, the WebSocket API's definition.
          runtime.hosts.put(REALTIME_HOST, startHost(region, ctx, realtime(deployable), name, env));
        }
        if (work.isPresent()) {
          runtime.startWorker(region, ctx, sqs, deployable, env, work.get());
        }
        envs.put(deployable.function(), env);
      }
      runtime.startSubscribers(region, ctx, sqs, client, deployables, envs);
      return runtime;
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  /**
   * The capability's queue worker as infra's {@code QueueWorker} deploys it: a Lambda of its own
   * ({@code stride-<function>-worker-<id>}, the same jar with the worker's definition and timeout)
   * fed by the work queue's SQS event source, which runs in the platform's JVM.
   */
  private void startWorker(
      Region region,
      PlatformContext ctx,
      ElasticMqServer sqs,
      Deployable deployable,
      Map<String, String> env,
      LocalWorkQueue queue) {
    Deployable.Worker worker = deployable.worker().orElseThrow();
    String id = region.id().value();
    Map<String, String> workerEnv = new HashMap<>(env);
    workerEnv.put(LambdaHost.TIMEOUT_ENV, Long.toString(worker.timeout().toSeconds()));
    Host host =
        startHost(
            region,
            ctx,
            deployable.entries(worker.awsDefinition(), deployable.gcpTarget()),
            "stride-" + deployable.function() + "-worker-" + id,
            workerEnv);
    hosts.put(deployable.function() + WORKER_HOST_SUFFIX, host);
    sources.add(
        SqsEventSource.start(
            "aws-" + id + "-" + deployable.function() + "-worker-source",
            sqs,
            new SqsEventSource.Target(
                queue,
                region.cloudRegion(),
                URI.create("http://127.0.0.1:" + host.port() + "/invoke"),
                worker.timeout())));
  }

  /**
   * The capabilities' event subscribers (the data erasers) as infra deploys them: per subscriber a
   * queue with its dead-letter queue ({@code stride-<function>-<stem>-<id>}) and a Lambda of its
   * own (the same jar with the subscriber's definition and timeout, the capability's environment)
   * fed by that queue's SQS event source; and the profile events (where auth publishes account
   * deletions) fanned out to those queues by event type, as the pipe and SNS topic do ({@link
   * SqsFanOut}).
   */
  private void startSubscribers(
      Region region,
      PlatformContext ctx,
      ElasticMqServer sqs,
      SqsClient client,
      List<Deployable> deployables,
      Map<String, Map<String, String>> envs) {
    String id = region.id().value();
    List<SqsFanOut.Route> routes = new ArrayList<>();
    for (Deployable deployable : deployables) {
      for (Deployable.Subscriber subscriber : deployable.subscribers()) {
        String name = subscriber.name(deployable.function(), id);
        LocalWorkQueue queue = LocalWorkQueue.create(client, name);
        Map<String, String> env = new HashMap<>(envs.get(deployable.function()));
        env.put(LambdaHost.TIMEOUT_ENV, Long.toString(subscriber.timeout().toSeconds()));
        Host host =
            startHost(
                region,
                ctx,
                deployable.entries(subscriber.awsDefinition(), subscriber.gcpTarget()),
                name,
                env);
        hosts.put(deployable.function() + ":" + subscriber.stem(), host);
        sources.add(
            SqsEventSource.start(
                "aws-" + id + "-" + deployable.function() + "-" + subscriber.stem() + "-source",
                sqs,
                new SqsEventSource.Target(
                    queue,
                    region.cloudRegion(),
                    URI.create("http://127.0.0.1:" + host.port() + "/invoke"),
                    subscriber.timeout())));
        routes.add(new SqsFanOut.Route(subscriber.eventType(), queue.url()));
      }
    }
    if (!routes.isEmpty()) {
      String events =
          createQueue(client, "stride-" + Deployable.PROFILES.function() + "-events-" + id);
      fanOut = SqsFanOut.start("aws-" + id + "-profile-events-fan-out", sqs, events, routes);
    }
  }

  /** Hosts of queue workers are keyed apart from routes: {@code <function>:worker}. */
  private static final String WORKER_HOST_SUFFIX = ":worker";

  /** The host of the chat channel's Lambda ({@code socialRealtime}), keyed apart from routes. */
  private static final String REALTIME_HOST = "social:realtime";

  private static Deployable realtime(Deployable social) {
    return new Deployable(
        social.function(),
        social.awsJar(),
        social.awsMainClass(),
        social.function() + "Realtime",
        social.gcpArchive(),
        social.gcpTarget());
  }

  /** The local port of the chat channel's Lambda host, when social runs in this region. */
  public java.util.OptionalInt realtimeHostPort() {
    Host host = hosts.get(REALTIME_HOST);
    return host == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(host.port());
  }

  @Override
  public Region region() {
    return region;
  }

  @Override
  public RegionHealth health() {
    return RegionHealth.probe(
        region, dynalite.endpoint(), "dynalite", hosts.values().stream().map(Host::jvm).toList());
  }

  @Override
  public ApiResponse invoke(Operation operation, ApiRequest request) {
    Host host = hosts.get(operation.function());
    if (host == null) {
      return unavailable("No function " + operation.function() + " in region " + region.id());
    }
    byte[] event =
        ApiGatewayV2Codec.toEvent(
            request, operation.method() + " " + operation.pathTemplate(), "$default");
    try {
      HttpResponse<byte[]> result =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + "/invoke"))
                  .timeout(Duration.ofSeconds(30))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(event))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (result.statusCode() != 200) {
        return unavailable("The function failed in region " + region.id() + ".");
      }
      return ApiGatewayV2Codec.fromResult(result.body());
    } catch (IOException e) {
      return unavailable("The function of region " + region.id() + " does not answer.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return unavailable("Interrupted.");
    }
  }

  @Override
  public void close() {
    // The fan-out and the event sources first: none hands a batch to a host that is stopping.
    // Each at once with the others: each may wait out its receive's long poll.
    List<AutoCloseable> pollers = new ArrayList<>(sources);
    if (fanOut != null) {
      pollers.add(fanOut);
    }
    Together.close(pollers);
    Together.close(hosts.values().stream().map(Host::jvm).toList());
    dynalite.close();
  }

  /**
   * What a function host of the region gets besides its entry: its settings, every table of the
   * region, the store and queue endpoints, its events queue.
   */
  private static Map<String, String> hostEnv(
      Region region,
      PlatformContext ctx,
      Deployable deployable,
      List<Deployable> neighbours,
      DynaliteServer dynalite,
      ElasticMqServer sqs,
      String table,
      String queueUrl) {
    String id = region.id().value();
    Map<String, String> env = new HashMap<>(ctx.functionEnv().of(region, deployable));
    env.put("STRIDE_LAMBDA_HANDLER", "app.stride.aws.lambda.StrideFunctionInvoker");
    env.put("AWS_REGION", region.cloudRegion());
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("STRIDE_REGION", id);
    // Every table of the region by name, as infra names them: a capability reading another's
    // table (the planner reads workouts, workouts reads profiles) finds it; IAM limits it in AWS.
    for (Deployable neighbour : neighbours) {
      env.put(tableEnv(neighbour), "stride-" + neighbour.function() + "-" + id);
    }
    env.put(tableEnv(deployable), table);
    env.put("STRIDE_DYNAMODB_ENDPOINT", dynalite.endpoint().toString());
    env.put("STRIDE_CREATE_TABLES", "true");
    env.put("STRIDE_EVENTS_QUEUE_URL", queueUrl);
    env.put("STRIDE_SQS_ENDPOINT", sqs.endpoint().toString());
    return env;
  }

  /** A child JVM running {@code deployable}'s jar as the Lambda {@code functionName}. */
  private static Host startHost(
      Region region,
      PlatformContext ctx,
      Deployable deployable,
      String functionName,
      Map<String, String> hostEnv) {
    int port = Loopback.freePort();
    Map<String, String> env = new HashMap<>(hostEnv);
    env.put("MAIN_CLASS", deployable.awsMainClass());
    env.put("SPRING_CLOUD_FUNCTION_DEFINITION", deployable.awsDefinition());
    env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
    // The deployable first, as in Lambda: its resources (logging levels among them) must win.
    List<Path> classPath = new ArrayList<>();
    classPath.add(ctx.root().resolve(deployable.awsJar()));
    classPath.addAll(ctx.lambdaHostClassPath());
    ChildJvm jvm =
        ChildJvm.start(
            "aws-" + region.id().value() + "-" + deployable.awsDefinition(),
            classPath,
            List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            LambdaHost.class.getName(),
            List.of(Integer.toString(port)),
            env,
            LambdaHost.READY,
            0,
            Duration.ofSeconds(90));
    return new Host(jvm, port);
  }

  private static String tableEnv(Deployable deployable) {
    return "STRIDE_" + deployable.function().toUpperCase(java.util.Locale.ROOT) + "_TABLE";
  }

  private static String createQueue(SqsClient client, String name) {
    return client.createQueue(b -> b.queueName(name)).queueUrl();
  }

  static ApiResponse unavailable(String detail) {
    return ApiResponse.problem(
        Problem.of(ProblemType.STORE_UNAVAILABLE, detail), Map.of("Retry-After", "2"));
  }
}
