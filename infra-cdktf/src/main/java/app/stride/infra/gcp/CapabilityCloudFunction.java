package app.stride.infra.gcp;

import app.stride.infra.BuiltArtifact;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.AuthConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.cloud_run_v2_service_iam_member.CloudRunV2ServiceIamMember;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2Function;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2FunctionBuildConfig;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2FunctionBuildConfigSource;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2FunctionBuildConfigSourceStorageSource;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2FunctionEventTrigger;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2FunctionServiceConfig;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2FunctionServiceConfigSecretEnvironmentVariables;
import com.hashicorp.cdktf.providers.google.storage_bucket.StorageBucket;
import com.hashicorp.cdktf.providers.google.storage_bucket_object.StorageBucketObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * A capability's HTTP function as a Cloud Functions (2nd gen) HTTPS function {@code
 * stride-<capability>-<regionId>} running {@link Capability#gcpEntryPoint()}, a backend of the
 * region's API Gateway ({@link ApiGateway}). The gateway keeps the caller's {@code Authorization}
 * header, so invocation stays public and every request is authenticated by the JWT check of the
 * shared edge layer inside the function (public operations, such as a calendar feed, are public
 * there too); the function's own URL therefore stays reachable (see {@code docs/edge-infra.md}).
 *
 * <p>The zip goes to the region's source bucket under a content-addressed name. The first function
 * of a region (profiles) declares that bucket; the others are given its name.
 */
public final class CapabilityCloudFunction extends Construct {
  /**
   * The JVM flags of every Cloud Function: C1 only (faster cold starts, as on Lambda) and the heap
   * at 75 % of the instance's memory. Lambda's Java runtime sizes the heap itself (about 85 % of
   * the function's memory, as observed; AWS documents no figure). Google documents no heap setting
   * for Java Cloud Functions, and a JVM left to its own default in a container takes a quarter of
   * the memory limit: that would leave the devices worker 768 MB of its 3,072 for an export's
   * samples ({@code ImportLimits.UPLOADED}). Set explicitly, the heap is the same whatever the
   * platform does; a platform that passes its own {@code -Xmx} on the command line still wins.
   */
  public static final String JAVA_TOOL_OPTIONS =
      "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:MaxRAMPercentage=75";

  /** Time limit of one request. */
  public static final int TIMEOUT_SECONDS = 10;

  /** Time limit of one outbox relay tick, as on AWS. */
  public static final int RELAY_TIMEOUT_SECONDS = 60;

  /** An event trigger's retry policy when the next event does the same work (schedule ticks). */
  private static final String RETRY_POLICY_DO_NOT_RETRY = "RETRY_POLICY_DO_NOT_RETRY";

  private final String bucketName;
  private final String sourceObject;
  private final Cloudfunctions2Function function;

  /**
   * What a capability's function runs with; {@code resources} are the variables of the capability's
   * own bucket, envelope key and work topic, if it has them, {@code secrets} the Secret Manager
   * secret ids of the secret settings it reads, by variable, and {@code redis} the region's Redis,
   * which only HTTP functions reach (workers, subscribers and sweeps do not rate-limit; the chat
   * server, built from the social function's settings, ignores it).
   */
  public record Settings(
      RegionConfig region,
      AuthConfig auth,
      FirestoreStore store,
      Optional<EventsTopic> events,
      CapabilityIdentity identity,
      int maxInstances,
      int requestsPerInstance,
      String edgeAddress,
      Optional<PushTarget> chatPush,
      Map<String, String> resources,
      Map<String, String> secrets,
      Optional<RedisAccess> redis) {

    /** Copies the variables, keeping the secrets' order. */
    public Settings {
      resources = Map.copyOf(resources);
      secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    }

    /** The same settings, delivering chat changes to {@code target}. */
    public Settings withChatPush(PushTarget target) {
      return with(Optional.of(target), resources, secrets, redis);
    }

    /**
     * The same settings with the capability's resource variables {@code resources} and the secret
     * settings {@code secrets} it reads.
     */
    public Settings withResources(Map<String, String> resources, Map<String, String> secrets) {
      return with(chatPush, resources, secrets, redis);
    }

    /** The same settings, also reading the secret {@code secretId} as {@code variable}. */
    public Settings withSecret(String variable, String secretId) {
      Map<String, String> more = new LinkedHashMap<>(secrets);
      more.put(variable, secretId);
      return with(chatPush, resources, more, redis);
    }

    /** The same settings, reaching the region's Redis through {@code access}. */
    public Settings withRedis(RedisAccess access) {
      return with(chatPush, resources, secrets, Optional.of(access));
    }

    /** These settings with the four parts the copy methods change. */
    private Settings with(
        Optional<PushTarget> chatPush,
        Map<String, String> resources,
        Map<String, String> secrets,
        Optional<RedisAccess> redis) {
      return new Settings(
          region,
          auth,
          store,
          events,
          identity,
          maxInstances,
          requestsPerInstance,
          edgeAddress,
          chatPush,
          resources,
          secrets,
          redis);
    }

    /**
     * A worker's settings: its own account and cap, one message per instance at a time, the secret
     * settings {@code workerSecrets} it reads, and its own plain variables {@code workerVariables}
     * beside the capability's resource variables; no Redis.
     */
    public Settings forWorker(
        CapabilityIdentity workerIdentity,
        int workerMaxInstances,
        Map<String, String> workerSecrets,
        Map<String, String> workerVariables) {
      Map<String, String> variables = new LinkedHashMap<>(resources);
      variables.putAll(workerVariables);
      return new Settings(
          region,
          auth,
          store,
          events,
          workerIdentity,
          workerMaxInstances,
          1,
          edgeAddress,
          Optional.empty(),
          variables,
          workerSecrets,
          Optional.empty());
    }

    /**
     * A subscriber sweep's settings: these (its subscriber's: account, variables, no secret) capped
     * at {@code sweepMaxInstances}.
     */
    public Settings forSweep(int sweepMaxInstances) {
      return new Settings(
          region,
          auth,
          store,
          events,
          identity,
          sweepMaxInstances,
          requestsPerInstance,
          edgeAddress,
          chatPush,
          resources,
          secrets,
          redis);
    }

    /**
     * An outbox relay's settings: these (the HTTP function's account and variables, from which its
     * configuration builds the store and publisher) capped at {@code relayMaxInstances}, one tick
     * per instance at a time, with only the resource variables {@code relayResources} its
     * configuration requires and the secrets {@code relaySecrets} (the capability's provider
     * settings are not among them), without Redis or chat push.
     */
    public Settings forRelay(
        int relayMaxInstances,
        Map<String, String> relayResources,
        Map<String, String> relaySecrets) {
      return new Settings(
          region,
          auth,
          store,
          events,
          identity,
          relayMaxInstances,
          1,
          edgeAddress,
          Optional.empty(),
          relayResources,
          relaySecrets,
          Optional.empty());
    }

    /**
     * A subscriber's settings (a data eraser): its own account and cap, one message per instance at
     * a time, only the capability's resource variables {@code subscriberResources} its code reads,
     * no secret (an eraser calls no provider and reads no cursor) and no Redis.
     */
    public Settings forSubscriber(
        CapabilityIdentity subscriberIdentity,
        int subscriberMaxInstances,
        Map<String, String> subscriberResources) {
      return new Settings(
          region,
          auth,
          store,
          events,
          subscriberIdentity,
          subscriberMaxInstances,
          1,
          edgeAddress,
          Optional.empty(),
          subscriberResources,
          Map.of(),
          Optional.empty());
    }
  }

  /**
   * Which function of the capability's zip: the public HTTP function, or a worker, subscriber,
   * sweep or outbox relay reachable only from inside Google (a Pub/Sub push, an event trigger) by
   * one invoker.
   *
   * @param name the function's name
   * @param entryPoint the Functions Framework target
   * @param timeoutSeconds the time limit of one request
   * @param memory the memory of an instance, e.g. {@code 1Gi}
   * @param invoker the only member that may invoke it; empty: everyone ({@code allUsers}, public)
   * @param trigger the event trigger delivering to it, if any (a push subscription is declared
   *     apart)
   */
  private record Target(
      String name,
      String entryPoint,
      int timeoutSeconds,
      String memory,
      Optional<String> invoker,
      Optional<Cloudfunctions2FunctionEventTrigger> trigger) {

    /** A target without event trigger. */
    Target(
        String name,
        String entryPoint,
        int timeoutSeconds,
        String memory,
        Optional<String> invoker) {
      this(name, entryPoint, timeoutSeconds, memory, invoker, Optional.empty());
    }
  }

  /** The memory of an HTTP function instance. */
  public static final String HTTP_MEMORY = "1Gi";

  /** Where the function pushes chat changes: the chat server's push URL and its secret. */
  public record PushTarget(String url, ChatPush push) {}

  /**
   * Uploads the source zip to the region's bucket ({@code sourceBucket}, or a new one when empty)
   * and creates the function from it, scaled to at most {@code maxInstances} instances of {@code
   * requestsPerInstance} concurrent requests each.
   */
  public CapabilityCloudFunction(
      Construct scope,
      String id,
      Capability capability,
      BuiltArtifact sourceZip,
      Optional<String> sourceBucket,
      Settings settings) {
    super(scope, id);
    RegionConfig region = settings.region();
    bucketName = sourceBucket.orElseGet(() -> declareBucket(region));
    sourceObject = upload(capability, sourceZip);
    function =
        declare(
            new Target(
                region.functionName(capability.name()),
                capability.gcpEntryPoint(),
                TIMEOUT_SECONDS,
                HTTP_MEMORY,
                Optional.empty()),
            settings);
  }

  /**
   * The worker of {@code capability}'s work queue ({@code stride-<name>-worker-<regionId>}, {@link
   * Capability.Worker#gcpEntryPoint()}) from the same zip as {@code http}, with the worker's time
   * limit and memory: internal ingress only (Pub/Sub push counts as internal), invocable by {@code
   * invokerMember} only.
   */
  public static CapabilityCloudFunction worker(
      Construct scope,
      String id,
      Capability capability,
      CapabilityCloudFunction http,
      Settings settings,
      String invokerMember) {
    Capability.Worker work =
        capability
            .worker()
            .orElseThrow(() -> new IllegalArgumentException(capability.name() + " has no worker"));
    return new CapabilityCloudFunction(
        scope,
        id,
        http.bucketName,
        http.sourceObject,
        new Target(
            settings.region().workerFunctionName(capability.name()),
            work.gcpEntryPoint(),
            work.timeoutSeconds(),
            work.memoryMb() + "Mi",
            Optional.of(invokerMember)),
        settings);
  }

  /**
   * The function {@code subscriber} of {@code capability} ({@code stride-<name>-<stem>-<regionId>},
   * {@link Capability.Subscriber#gcpEntryPoint()}) from the same zip as {@code http}, with the
   * subscriber's time limit and memory: internal ingress only (its push subscription's requests
   * count as internal), invocable by {@code invokerMember} only.
   */
  public static CapabilityCloudFunction subscriber(
      Construct scope,
      String id,
      Capability capability,
      Capability.Subscriber subscriber,
      CapabilityCloudFunction http,
      Settings settings,
      String invokerMember) {
    return new CapabilityCloudFunction(
        scope,
        id,
        http.bucketName,
        http.sourceObject,
        new Target(
            settings.region().subscriberFunctionName(capability.name(), subscriber.stem()),
            subscriber.gcpEntryPoint(),
            subscriber.timeoutSeconds(),
            subscriber.memoryMb() + "Mi",
            Optional.of(invokerMember)),
        settings);
  }

  /**
   * The follow-up sweep of {@code subscriber} of {@code capability} ({@code
   * stride-<name>-<stem>-sweep-<regionId>}, {@link Capability.Sweep#gcpEntryPoint()}) from the same
   * zip as {@code http}, with the subscriber's time limit and memory and {@code settings} (the
   * subscriber's, {@link Settings#forSweep}): triggered by the messages of {@code scheduleTopicId}
   * through the trigger account {@code triggerEmail} ({@code triggerMember}), the only member that
   * may invoke it, without retries (the next tick does the same work); internal ingress only.
   */
  public static CapabilityCloudFunction sweep(
      Construct scope,
      String id,
      Capability capability,
      Capability.Subscriber subscriber,
      CapabilityCloudFunction http,
      Settings settings,
      String scheduleTopicId,
      String triggerEmail,
      String triggerMember) {
    return scheduled(
        scope,
        id,
        http,
        settings,
        settings.region().subscriberSweepFunctionName(capability.name(), subscriber.stem()),
        subscriber.requiredSweep().gcpEntryPoint(),
        subscriber.timeoutSeconds(),
        subscriber.memoryMb() + "Mi",
        scheduleTopicId,
        triggerEmail,
        triggerMember);
  }

  /**
   * The outbox relay of {@code capability} ({@code stride-<name>-outbox-relay-<regionId>}, {@link
   * Capability.Outbox#gcpEntryPoint()}) from the same zip as {@code http}, with {@value
   * #RELAY_TIMEOUT_SECONDS} s and {@value #HTTP_MEMORY}, as on AWS, and {@code settings} (the HTTP
   * function's, {@link Settings#forRelay}): triggered by the messages of {@code scheduleTopicId}
   * through the trigger account {@code triggerEmail} ({@code triggerMember}), the only member that
   * may invoke it, without retries (the next tick relays the same pending events); internal ingress
   * only.
   */
  public static CapabilityCloudFunction relay(
      Construct scope,
      String id,
      Capability capability,
      CapabilityCloudFunction http,
      Settings settings,
      String scheduleTopicId,
      String triggerEmail,
      String triggerMember) {
    Capability.Outbox outbox =
        capability
            .outbox()
            .orElseThrow(() -> new IllegalArgumentException(capability.name() + " has no outbox"));
    return scheduled(
        scope,
        id,
        http,
        settings,
        settings.region().outboxRelayFunctionName(capability.name()),
        outbox.gcpEntryPoint(),
        RELAY_TIMEOUT_SECONDS,
        HTTP_MEMORY,
        scheduleTopicId,
        triggerEmail,
        triggerMember);
  }

  /**
   * A scheduled function {@code name} of {@code http}'s zip running {@code entryPoint}: triggered
   * by the messages of {@code scheduleTopicId} through {@code triggerEmail} ({@code
   * triggerMember}), the only member that may invoke it, never retried; internal ingress only.
   */
  private static CapabilityCloudFunction scheduled(
      Construct scope,
      String id,
      CapabilityCloudFunction http,
      Settings settings,
      String name,
      String entryPoint,
      int timeoutSeconds,
      String memory,
      String scheduleTopicId,
      String triggerEmail,
      String triggerMember) {
    return new CapabilityCloudFunction(
        scope,
        id,
        http.bucketName,
        http.sourceObject,
        new Target(
            name,
            entryPoint,
            timeoutSeconds,
            memory,
            Optional.of(triggerMember),
            Optional.of(scheduleTrigger(settings.region(), scheduleTopicId, triggerEmail))),
        settings);
  }

  /**
   * The event trigger of a scheduled function: the messages of its schedule's topic, delivered as
   * {@code triggerEmail}, never retried (the next tick does the same work).
   */
  private static Cloudfunctions2FunctionEventTrigger scheduleTrigger(
      RegionConfig region, String scheduleTopicId, String triggerEmail) {
    return Cloudfunctions2FunctionEventTrigger.builder()
        .triggerRegion(region.location())
        .eventType(AuthCloudFunctions.MESSAGE_PUBLISHED)
        .pubsubTopic(scheduleTopicId)
        .retryPolicy(RETRY_POLICY_DO_NOT_RETRY)
        .serviceAccountEmail(triggerEmail)
        .build();
  }

  private CapabilityCloudFunction(
      Construct scope,
      String id,
      String bucketName,
      String sourceObject,
      Target target,
      Settings settings) {
    super(scope, id);
    this.bucketName = bucketName;
    this.sourceObject = sourceObject;
    function = declare(target, settings);
  }

  private String upload(Capability capability, BuiltArtifact sourceZip) {
    // A content-addressed object name makes a new build redeploy the function.
    String objectName =
        sourceZip
            .sha256Base64()
            .map(hash -> capability.name() + "-" + urlSafe(hash) + ".zip")
            .orElse(sourceZip.fileName());
    StorageBucketObject source =
        StorageBucketObject.Builder.create(this, "source")
            .bucket(bucketName)
            .name(objectName)
            .source(sourceZip.path())
            .build();
    return source.getName();
  }

  private Cloudfunctions2Function declare(Target target, Settings settings) {
    RegionConfig region = settings.region();
    Cloudfunctions2Function.Builder builder =
        Cloudfunctions2Function.Builder.create(this, "function")
            .project(region.gcpProject())
            .location(region.location())
            .name(target.name())
            .buildConfig(
                Cloudfunctions2FunctionBuildConfig.builder()
                    .runtime("java17")
                    .entryPoint(target.entryPoint())
                    .source(
                        Cloudfunctions2FunctionBuildConfigSource.builder()
                            .storageSource(
                                Cloudfunctions2FunctionBuildConfigSourceStorageSource.builder()
                                    .bucket(bucketName)
                                    .object(sourceObject)
                                    .build())
                            .build())
                    .build())
            .serviceConfig(
                Cloudfunctions2FunctionServiceConfig.builder()
                    .availableMemory(target.memory())
                    // More than one request per instance needs at least one whole vCPU.
                    .availableCpu("1")
                    .maxInstanceRequestConcurrency(settings.requestsPerInstance())
                    .minInstanceCount(0)
                    .maxInstanceCount(settings.maxInstances())
                    .timeoutSeconds(target.timeoutSeconds())
                    .ingressSettings(
                        target.invoker().isPresent() ? "ALLOW_INTERNAL_ONLY" : "ALLOW_ALL")
                    .allTrafficOnLatestRevision(true)
                    .serviceAccountEmail(settings.identity().email())
                    .environmentVariables(functionEnvironment(settings))
                    .secretEnvironmentVariables(secretReferences(settings))
                    .vpcConnector(settings.redis().map(RedisAccess::connectorId).orElse(null))
                    .vpcConnectorEgressSettings(
                        settings.redis().map(r -> RedisAccess.EGRESS).orElse(null))
                    .build());
    target.trigger().ifPresent(builder::eventTrigger);
    // The first deploy must not start an instance before it may read the AUTH secret's version.
    settings.redis().ifPresent(redis -> builder.dependsOn(redis.ready()));
    Cloudfunctions2Function declared = builder.build();
    CloudRunV2ServiceIamMember.Builder.create(
            this, target.invoker().isPresent() ? "invoker" : "public_invoker")
        .project(region.gcpProject())
        .location(region.location())
        .name(declared.getServiceConfig().getService())
        .role("roles/run.invoker")
        .member(target.invoker().orElse("allUsers"))
        .build();
    return declared;
  }

  /**
   * The chat push secret, if it pushes chat changes, the secret settings it reads and, reaching the
   * region's Redis, its AUTH string.
   */
  private static List<Cloudfunctions2FunctionServiceConfigSecretEnvironmentVariables>
      secretReferences(Settings settings) {
    Map<String, String> secrets = new LinkedHashMap<>();
    settings
        .chatPush()
        .ifPresent(push -> secrets.put(ChatPush.SECRET_ENV, push.push().secret().getSecretId()));
    secrets.putAll(settings.secrets());
    settings.redis().ifPresent(redis -> secrets.put(RedisAccess.PASSWORD_ENV, redis.secretId()));
    return secretReferences(settings.region().gcpProject(), secrets);
  }

  /**
   * Each secret of {@code project} ({@code secretIds}: Secret Manager ids by variable, in order) as
   * a reference to its latest version, never a value; the auth functions' too.
   */
  static List<Cloudfunctions2FunctionServiceConfigSecretEnvironmentVariables> secretReferences(
      String project, Map<String, String> secretIds) {
    List<Cloudfunctions2FunctionServiceConfigSecretEnvironmentVariables> refs = new ArrayList<>();
    secretIds.forEach(
        (variable, secretId) ->
            refs.add(
                Cloudfunctions2FunctionServiceConfigSecretEnvironmentVariables.builder()
                    .key(variable)
                    .projectId(project)
                    .secret(secretId)
                    .version("latest")
                    .build()));
    return refs;
  }

  private String declareBucket(RegionConfig region) {
    return StorageBucket.Builder.create(this, "source_bucket")
        .project(region.gcpProject())
        .name(region.gcpProject() + "-stride-sources-" + region.id())
        .location(region.location().toUpperCase(Locale.ROOT))
        .uniformBucketLevelAccess(true)
        .publicAccessPrevention("enforced")
        .build()
        .getName();
  }

  /** {@link #environment} and, reaching the region's Redis, its URL and CA. */
  private static Map<String, String> functionEnvironment(Settings settings) {
    Map<String, String> env = environment(settings);
    settings.redis().ifPresent(redis -> env.putAll(redis.environment()));
    return env;
  }

  /**
   * The environment of a capability's function: region, Firestore database, events topic, token
   * settings, metrics; also the chat server's ({@link RealtimeService}).
   */
  static Map<String, String> environment(Settings settings) {
    RegionConfig region = settings.region();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("STRIDE_REGION", region.id());
    // Read by FirestoreConfig (shared-lib/gcp), which requires both.
    env.put("STRIDE_FIRESTORE_PROJECT", region.gcpProject());
    env.put("STRIDE_FIRESTORE_DATABASE", settings.store().name());
    settings.events().ifPresent(topic -> env.put("STRIDE_EVENTS_TOPIC", topic.id()));
    // Read by TokenVerifiers (shared-lib/core): this function is its own edge on GCP.
    env.put("STRIDE_JWT_ISSUER", settings.auth().jwtIssuer());
    env.put("STRIDE_JWT_AUDIENCE", settings.auth().functionAudience());
    env.put("STRIDE_JWKS_URL", settings.auth().jwksUrl());
    env.put("STRIDE_LB_ADDRESS", settings.edgeAddress());
    settings.chatPush().ifPresent(target -> env.put(ChatPush.URL_ENV, target.url()));
    env.putAll(settings.resources());
    env.put(CloudMonitoringWriter.METRICS_ENV, CloudMonitoringWriter.METRICS);
    env.put(CloudMonitoringWriter.PROJECT_ENV, region.gcpProject());
    env.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
    return env;
  }

  private static String urlSafe(String base64) {
    return base64.replace('+', '-').replace('/', '_').replace("=", "");
  }

  /** The function's name, also the name of its Cloud Run service. */
  public String name() {
    return function.getName();
  }

  /** The URL of the function's Cloud Run service: the API Gateway backend. */
  public String serviceUri() {
    return function.getServiceConfig().getUri();
  }

  /** The function's HTTPS URL. */
  public String url() {
    return function.getUrl();
  }

  /** The region's source bucket, where every function zip of the region goes. */
  public String sourceBucketName() {
    return bucketName;
  }
}
