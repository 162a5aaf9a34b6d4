package app.stride.infra.gcp;

import app.stride.infra.ApiSpecs;
import app.stride.infra.ArtifactLocator;
import app.stride.infra.FunctionLimits;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import app.stride.infra.capability.RealtimeChannel;
import app.stride.infra.config.Cloud;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.google.compute_global_address.ComputeGlobalAddress;
import com.hashicorp.cdktf.providers.google.data_google_project.DataGoogleProject;
import com.hashicorp.cdktf.providers.google.provider.GoogleProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * One GCP home region: Firestore database, events topics, every capability's HTTP function and,
 * where a capability has them, its outbox relay every minute ({@link OutboxRelayFunction}), its key
 * ring, bucket, work topic and the topic's push worker (or, without a worker, a delivery
 * subscription holding the messages) and its subscribers (the data erasers, {@link
 * SubscriberFunction}) with their push subscriptions of the events topic and, the devices eraser,
 * its scheduled sweep ({@link SubscriberSweepFunction}); the chat server (Cloud Run, {@link
 * RealtimeService}) and its TTL policies; the auth TTL policies, secrets, service accounts,
 * functions and schedules; the region's Redis ({@link RegionRedis}) on its own network ({@link
 * RegionNetwork}), which every HTTP function (capabilities' and auth's) reaches through the
 * network's connector; logs and alerts of every function; the API Gateway derived from the spec,
 * the load balancer with Cloud Armor in front of it, and the edge alerts, every alert notifying the
 * configured channels.
 */
public final class GcpRegionStack extends TerraformStack {

  private final List<Capability> capabilities;

  /**
   * Builds the stack {@code gcp-<location>} for {@code region} deploying {@code capabilities}, its
   * gateway config derived from {@code specs}.
   */
  public GcpRegionStack(
      Construct scope,
      RegionConfig region,
      EnvConfig env,
      ArtifactLocator artifacts,
      ApiSpecs specs,
      List<Capability> capabilities) {
    super(scope, region.stackName());
    this.capabilities = List.copyOf(capabilities);
    if (region.cloud() != Cloud.GCP) {
      throw new IllegalArgumentException("not a GCP region: " + region.id());
    }
    GoogleProvider.Builder.create(this, "google")
        .project(region.gcpProject())
        .region(region.location())
        .defaultLabels(
            Map.of("stride-env", env.name(), "stride-region", region.id(), "managed-by", "cdktf"))
        .build();
    DataGoogleProject project =
        DataGoogleProject.Builder.create(this, "project").projectId(region.gcpProject()).build();
    String pubsubAgent =
        "serviceAccount:service-" + project.getNumber() + "@gcp-sa-pubsub.iam.gserviceaccount.com";
    FirestoreStore store = new FirestoreStore(this, "profiles_store", region);
    Map<String, EventsTopic> topics = new LinkedHashMap<>();
    for (Capability capability : this.capabilities) {
      capability
          .outbox()
          .ifPresent(
              o ->
                  topics.put(
                      o.eventsName(),
                      new EventsTopic(
                          this,
                          o.eventsName().replace('-', '_'),
                          region,
                          o.eventsName(),
                          pubsubAgent)));
    }
    Map<String, CapabilityResources> resources = new LinkedHashMap<>();
    Map<String, EventsTopic> workTopics = new LinkedHashMap<>();
    for (Capability capability : this.capabilities) {
      if (!CapabilityResources.needed(capability)) {
        continue;
      }
      Optional<EventsTopic> work =
          capability
              .workQueue()
              .map(
                  q ->
                      EventsTopic.forWork(
                          this, q.stem().replace('-', '_'), region, q.stem(), pubsubAgent));
      work.ifPresent(t -> workTopics.put(capability.name(), t));
      resources.put(
          capability.name(),
          new CapabilityResources(
              this, capability.name() + "_resources", region, capability, work));
    }
    EventsTopic events = topics.get(Capabilities.PROFILES.outbox().orElseThrow().eventsName());
    ComputeGlobalAddress edgeAddress = EdgeLoadBalancer.reserveAddress(this, region);
    Map<String, String> backends = new LinkedHashMap<>();
    Map<String, CapabilityCloudFunction.Settings> settings = new LinkedHashMap<>();
    CursorKeySecret cursorKey = new CursorKeySecret(this, "cursor_key", region);
    RegionNetwork network = new RegionNetwork(this, "network", region, env.cache());
    RegionRedis redis = new RegionRedis(this, "redis", region, env.cache(), network);
    for (Capability capability : this.capabilities) {
      CapabilityCloudFunction.Settings functionSettings =
          settings(capability, region, env, store, topics, edgeAddress);
      CapabilityResources own = resources.get(capability.name());
      if (own != null) {
        own.grantTo("http", functionSettings.identity(), true, region);
        functionSettings =
            functionSettings.withResources(own.environment(), own.secretEnvironment(false));
      }
      cursorKey.grantTo(capability.name() + "_reader", functionSettings.identity().member());
      functionSettings = functionSettings.withSecret(CursorKeySecret.ENV, cursorKey.secretId());
      functionSettings =
          functionSettings.withRedis(
              redis.grantTo(capability.name() + "_reader", functionSettings.identity().member()));
      settings.put(capability.name(), functionSettings);
    }
    TerraformOutput.Builder.create(this, "cursor_key_secret_name")
        .value(cursorKey.secretId())
        .description("Secret to add a version to once: base64 of >= 32 random bytes (cursor HMAC)")
        .build();
    TerraformOutput.Builder.create(this, "redis_host")
        .value(redis.host())
        .description("The region's Redis (private address, reached through the VPC connector)")
        .build();
    TerraformOutput.Builder.create(this, "redis_auth_secret_name")
        .value(redis.secretId())
        .description(
            "Secret holding the Redis AUTH string (written by Terraform from the instance)")
        .build();
    // The chat server first: the social function pushes chat changes to the sockets it holds.
    RealtimeChannel channel = Capabilities.SOCIAL_REALTIME;
    CapabilityCloudFunction.Settings social = settings.get(channel.name());
    ChatPush push = new ChatPush(this, channel.name() + "_chat_push", region, social.identity());
    RealtimeService realtime =
        new RealtimeService(
            this,
            channel.name() + "_realtime",
            channel,
            env.realtime().gcpImage(),
            FunctionLimits.of(
                region, env, this.capabilities, region.realtimeFunctionName(channel.name())),
            social,
            push);
    settings.put(
        channel.name(),
        social.withChatPush(
            new CapabilityCloudFunction.PushTarget(ChatPush.url(realtime.uri()), push)));
    Optional<String> sourceBucket = Optional.empty();
    List<String> workers = new ArrayList<>();
    List<String> subscribers = new ArrayList<>();
    List<String> relays = new ArrayList<>();
    for (Capability capability : this.capabilities) {
      CapabilityCloudFunction.Settings functionSettings = settings.get(capability.name());
      CapabilityCloudFunction function =
          new CapabilityCloudFunction(
              this,
              capability.name() + "_function",
              capability,
              artifacts.locate(env.artifacts().gcpZip(capability.name())),
              sourceBucket,
              functionSettings);
      sourceBucket = Optional.of(function.sourceBucketName());
      backends.put(capability.name(), function.serviceUri());
      if (capability.outbox().isPresent()) {
        relays.add(
            addRelay(
                capability,
                region,
                env,
                function,
                functionSettings,
                resources.get(capability.name()),
                cursorKey));
      }
      if (capability.worker().isPresent()) {
        workers.add(
            addWorker(
                capability,
                region,
                env,
                store,
                function,
                functionSettings,
                resources.get(capability.name()),
                workTopics.get(capability.name()),
                pubsubAgent));
      } else if (capability.workQueue().isPresent()) {
        // Nothing drains it yet: a pulled subscription keeps the messages for the coming worker.
        workTopics.get(capability.name()).hold();
      }
      for (Capability.Subscriber subscriber : capability.subscribers()) {
        subscribers.addAll(
            addSubscriber(
                capability,
                subscriber,
                region,
                env,
                store,
                function,
                functionSettings,
                resources.get(capability.name()),
                topics,
                pubsubAgent));
      }
      TerraformOutput.Builder.create(this, capability.name() + "_url")
          .value(function.url())
          .description("HTTPS endpoint of the " + capability.name() + " function")
          .build();
      if (!capability.secrets().isEmpty()) {
        TerraformOutput.Builder.create(this, capability.name() + "_secret_names")
            .value(resources.get(capability.name()).secretIds())
            .description(
                "Secrets to add a version to once: the "
                    + capability.name()
                    + " settings of this region (provider clients, webhook secrets)")
            .build();
      }
    }
    AuthTtlPolicies authTtl = new AuthTtlPolicies(this, "auth_ttl", region, store);
    FirestoreTtlPolicies realtimeTtl =
        new FirestoreTtlPolicies(
            this,
            channel.name() + "_realtime_ttl",
            region,
            store,
            channel.firestoreTtlCollections(),
            channel.ttlField(),
            authTtl.last());
    TerraformOutput.Builder.create(this, "realtime_url")
        .value(realtime.uri())
        .description("The chat server's URL (connect with wss://, docs/chat.md)")
        .build();
    ITerraformDependable lastTtl = realtimeTtl.last();
    if (this.capabilities.contains(Capabilities.DEVICES)) {
      lastTtl =
          new FirestoreTtlPolicies(
                  this,
                  "devices_ttl",
                  region,
                  store,
                  Capabilities.DEVICES_FIRESTORE_TTL_COLLECTIONS,
                  Capabilities.DEVICES_TTL_FIELD,
                  lastTtl)
              .last();
    }
    new FirestoreIndexes(this, "firestore_indexes", region, store, this.capabilities, lastTtl);
    AuthFunctionSecrets authSecrets = new AuthFunctionSecrets(this, "auth_secrets", region);
    AuthFunctionIdentity authIdentity =
        new AuthFunctionIdentity(this, "auth_identity", region, store, authSecrets, events);
    AuthCloudFunctions auth =
        new AuthCloudFunctions(
            this,
            "auth_functions",
            region,
            env.auth(),
            env.authFunctions(),
            artifacts.locate(env.artifacts().gcpAuthZip()),
            sourceBucket.orElseThrow(),
            store,
            events,
            authSecrets,
            authIdentity,
            edgeAddress.getAddress(),
            redis.grantTo("auth_reader", authIdentity.member()));
    backends.put("auth", auth.serviceUri());
    GoogleBeta.declare(this, region);
    ApiGateway gateway =
        new ApiGateway(this, "api_gateway", region, specs.read(env.edge().apiSpec()), backends);
    EdgeLoadBalancer edge =
        new EdgeLoadBalancer(this, "edge", region, env.edge(), gateway, edgeAddress);
    List<String> httpFunctions = new ArrayList<>();
    this.capabilities.forEach(c -> httpFunctions.add(region.functionName(c.name())));
    httpFunctions.add(region.authFunctionName());
    List<String> observed = new ArrayList<>(httpFunctions);
    observed.add(region.realtimeFunctionName(channel.name()));
    observed.addAll(relays);
    observed.addAll(workers);
    observed.addAll(subscribers);
    observed.add(region.authKeyRotationFunctionName());
    observed.add(region.authDeletionRelayFunctionName());
    new FunctionObservability(
        this, "profiles_observability", region, env.observability(), observed);
    EdgeAlerts alerts =
        new EdgeAlerts(this, "edge_alerts", region, env.alerting(), gateway, edge, httpFunctions);
    alerts.notifyOnEveryAlert(this);
    TerraformOutput.Builder.create(this, "edge_ip")
        .value(edge.ipAddress())
        .description("Point " + env.edge().apiHost(region) + " (A record) at this address")
        .build();
    TerraformOutput.Builder.create(this, "gateway_host")
        .value(gateway.defaultHostname())
        .description("The API Gateway's own host name (behind the load balancer)")
        .build();
    TerraformOutput.Builder.create(this, "auth_url")
        .value(auth.url())
        .description("HTTPS endpoint of the auth function")
        .build();
    TerraformOutput.Builder.create(this, "auth_secret_names")
        .value(authSecrets.secretIds())
        .description(
            "Secrets to add a version to once: directory hash key (same in every region),"
                + " directory API secret (the global stack's value), SMTP relay password")
        .build();
  }

  /**
   * The outbox relay of {@code capability} ({@code <name>_outbox_relay}, {@link
   * OutboxRelayFunction}): the HTTP function's account and variables, from which its configuration
   * builds the store and publisher, the names of the capability's bucket and work topic that
   * configuration requires ({@link CapabilityResources#relayEnvironment}, not the envelope key),
   * and of the secrets only the cursor key, when its store is built with it ({@link
   * Capability.Outbox#storeNeedsCursorKey()}, workouts'); no provider setting, no Redis.
   *
   * @param own the capability's resources; null when it has none
   * @return the relay function's name
   */
  private String addRelay(
      Capability capability,
      RegionConfig region,
      EnvConfig env,
      CapabilityCloudFunction http,
      CapabilityCloudFunction.Settings httpSettings,
      CapabilityResources own,
      CursorKeySecret cursorKey) {
    String name = region.outboxRelayFunctionName(capability.name());
    new OutboxRelayFunction(
        this,
        capability.name() + "_outbox_relay",
        capability,
        http,
        httpSettings.forRelay(
            FunctionLimits.of(region, env, capabilities, name),
            own == null ? Map.of() : own.relayEnvironment(),
            capability.outbox().orElseThrow().storeNeedsCursorKey()
                ? Map.of(CursorKeySecret.ENV, cursorKey.secretId())
                : Map.of()));
    return name;
  }

  /**
   * The worker of {@code capability}'s work topic ({@code <name>_worker}): its own account ({@code
   * <name>_worker_identity}) with the HTTP function's data grants but no publishing to the work
   * topic, the region's share of limits all regions draw on ({@link
   * Capability.Worker#regionShareVariables()}), and the push subscription that feeds it.
   *
   * @return the worker function's name
   */
  private String addWorker(
      Capability capability,
      RegionConfig region,
      EnvConfig env,
      FirestoreStore store,
      CapabilityCloudFunction http,
      CapabilityCloudFunction.Settings httpSettings,
      CapabilityResources own,
      EventsTopic workTopic,
      String pubsubAgent) {
    String workerName = region.workerFunctionName(capability.name());
    CapabilityIdentity identity =
        new CapabilityIdentity(
            this,
            capability.name() + "_worker_identity",
            region,
            workerName,
            "Stride " + capability.name() + " worker (" + region.id() + ")",
            store,
            httpSettings.events());
    own.grantTo("worker", identity, false, region);
    new PushWorker(
        this,
        capability.name() + "_worker",
        capability,
        http,
        httpSettings.forWorker(
            identity,
            FunctionLimits.of(region, env, capabilities, workerName),
            own.secretEnvironment(true),
            capability.worker().orElseThrow().regionShareEnvironment(env.regionShare())),
        workTopic,
        pubsubAgent);
    return workerName;
  }

  /**
   * The subscriber {@code subscriber} of {@code capability} ({@code <name>_<stem>}, a data eraser):
   * its own account ({@code <name>_<stem>_identity}) with Firestore and exactly the access its code
   * needs ({@link SubscriberFunction.EraserAccess}), the function and its push subscription of the
   * events topic it subscribes to; and where it has one its scheduled sweep ({@code
   * <name>_<stem>_sweep}, {@link SubscriberSweepFunction}) with the same account and variables.
   *
   * @param own the capability's resources; null when it has none
   * @return the names of the subscriber's function and of its sweep, if any
   */
  private List<String> addSubscriber(
      Capability capability,
      Capability.Subscriber subscriber,
      RegionConfig region,
      EnvConfig env,
      FirestoreStore store,
      CapabilityCloudFunction http,
      CapabilityCloudFunction.Settings httpSettings,
      CapabilityResources own,
      Map<String, EventsTopic> topics,
      String pubsubAgent) {
    String name = region.subscriberFunctionName(capability.name(), subscriber.stem());
    if (name.length() > SubscriberFunction.MAX_ACCOUNT_ID) {
      throw new IllegalArgumentException("account id over 30 characters: " + name);
    }
    EventsTopic events = topics.get(subscriber.events());
    if (events == null) {
      throw new IllegalArgumentException(
          name + " subscribes to " + subscriber.events() + ", which is not a topic of the region");
    }
    SubscriberFunction.EraserAccess access =
        SubscriberFunction.EraserAccess.of(capability, subscriber);
    String prefix = capability.name() + "_" + subscriber.stem();
    CapabilityIdentity identity =
        CapabilityIdentity.firestoreOnly(
            this,
            prefix + "_identity",
            region,
            name,
            "Stride " + capability.name() + " " + subscriber.stem() + " (" + region.id() + ")",
            store);
    if (access.publishesEvents()) {
      identity.grantPublish("publish_events", httpSettings.events().orElseThrow(), region);
    }
    Map<String, String> variables = Map.of();
    if (access.queuesWork() || access.deletesObjects()) {
      own.grantToEraser(
          subscriber.stem(),
          identity,
          access.deletesObjects(),
          access.queuesWork(),
          name.replace('-', '_'),
          region);
      variables = own.eraserEnvironment(access.deletesObjects(), access.queuesWork());
    }
    CapabilityCloudFunction.Settings subscriberSettings =
        httpSettings.forSubscriber(
            identity, FunctionLimits.of(region, env, capabilities, name), variables);
    new SubscriberFunction(
        this, prefix, capability, subscriber, http, subscriberSettings, events, pubsubAgent);
    List<String> names = new ArrayList<>(List.of(name));
    if (subscriber.sweep().isPresent()) {
      String sweepName = region.subscriberSweepFunctionName(capability.name(), subscriber.stem());
      new SubscriberSweepFunction(
          this,
          prefix + "_sweep",
          capability,
          subscriber,
          http,
          subscriberSettings.forSweep(FunctionLimits.of(region, env, capabilities, sweepName)));
      names.add(sweepName);
    }
    return names;
  }

  /**
   * What one capability's HTTP function ({@code <name>_function}) runs with, its service account
   * ({@code <name>_identity}) included; the chat server of a capability runs with the same.
   */
  private CapabilityCloudFunction.Settings settings(
      Capability capability,
      RegionConfig region,
      EnvConfig env,
      FirestoreStore store,
      Map<String, EventsTopic> topics,
      ComputeGlobalAddress edgeAddress) {
    Optional<EventsTopic> events = capability.outbox().map(o -> topics.get(o.eventsName()));
    CapabilityIdentity identity =
        new CapabilityIdentity(
            this, capability.name() + "_identity", region, capability.name(), store, events);
    return new CapabilityCloudFunction.Settings(
        region,
        env.auth(),
        store,
        events,
        identity,
        FunctionLimits.of(region, env, capabilities, region.functionName(capability.name())),
        env.scaling().requestsPerInstance(capability.name()),
        edgeAddress.getAddress(),
        Optional.empty(),
        Map.of(),
        Map.of(),
        Optional.empty());
  }
}
