package app.stride.infra.aws;

import app.stride.infra.ApiSpecs;
import app.stride.infra.ArtifactLocator;
import app.stride.infra.BuiltArtifact;
import app.stride.infra.FunctionLimits;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import app.stride.infra.capability.RealtimeChannel;
import app.stride.infra.config.Cloud;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_route.Apigatewayv2Route;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule_group.SchedulerScheduleGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;
import tools.jackson.databind.JsonNode;

/**
 * One AWS home region: the region's key, cursor key secret and HTTP API; for every capability it
 * deploys ({@link Capabilities#ALL}: profiles, planner, workouts, social, devices) its table, its
 * HTTP function with the routes the spec gives it, where it emits events its events queue and
 * scheduled outbox relay, and where it declares them its bucket, envelope key, work queue and the
 * queue's worker, and where it subscribes to events its subscribers (the data erasers: each a queue
 * and a Lambda, {@link EventSubscriber}; the devices eraser also a scheduled sweep, {@link
 * SubscriberSweep}) fed by the events queue's fan-out ({@link EventsFanOut}: an EventBridge Pipe to
 * an SNS topic); the chat channel (a WebSocket API served by a second social Lambda, {@link
 * RealtimeApi}); the auth table, secrets, SES configuration set and identity, the auth HTTP
 * function on the same API, and the auth schedules; the API's stage with its throttling, CloudFront
 * with AWS WAF in front of it, and the alarm topic every alarm notifies.
 */
public final class AwsRegionStack extends TerraformStack {

  private final List<Capability> capabilities;

  /**
   * Builds the stack {@code aws-<location>} for {@code region} deploying {@code capabilities}, its
   * routes derived from {@code specs}.
   */
  public AwsRegionStack(
      Construct scope,
      RegionConfig region,
      EnvConfig env,
      ArtifactLocator artifacts,
      ApiSpecs specs,
      List<Capability> capabilities) {
    super(scope, region.stackName());
    this.capabilities = List.copyOf(capabilities);
    if (region.cloud() != Cloud.AWS) {
      throw new IllegalArgumentException("not an AWS region: " + region.id());
    }
    AwsProvider.Builder.create(this, "aws")
        .region(region.location())
        .defaultTags(
            List.of(
                AwsProviderDefaultTags.builder()
                    .tags(
                        Map.of(
                            "stride:env", env.name(),
                            "stride:region", region.id(),
                            "stride:stack", region.stackName()))
                    .build()))
        .build();
    RegionKey key = new RegionKey(this, "region_key", region);
    CursorKeySecret cursorKey = new CursorKeySecret(this, "cursor_key", region, key);
    RegionNetwork network = new RegionNetwork(this, "network", region, env.cache());
    RegionRedis redis =
        new RegionRedis(this, "redis", region, env.cache(), network, key, env.observability());
    RegionStores stores = stores(region, key, cursorKey, redis);
    fanOut(region, key, stores);
    SchedulerScheduleGroup schedules =
        SchedulerScheduleGroup.Builder.create(this, "schedule_group")
            .name(region.scheduleGroupName())
            .build();
    ProfilesHttpApi api = new ProfilesHttpApi(this, "profiles_api", region, env.auth());
    JsonNode spec = specs.read(env.edge().apiSpec());
    RealtimeApi chat = new RealtimeApi(this, "chat_api", region);
    List<Apigatewayv2Route> routes = new ArrayList<>();
    for (Capability capability : this.capabilities) {
      CapabilityRuntime runtime = new CapabilityRuntime(region, capability, stores);
      routes.addAll(
          addCapability(runtime, env, artifacts, schedules.getName(), api, spec, chat).routes());
    }
    Auth auth =
        addAuth(
            region,
            env,
            artifacts,
            key,
            stores.queue(Capabilities.PROFILES.outbox().orElseThrow().eventsName()),
            api,
            schedules.getName(),
            redis);
    AuthMail mail = auth.mail();
    routes.addAll(auth.routes().routes());
    new ApiStage(
        this,
        "api_stage",
        region,
        api,
        new ApiStage.Limits(env.throttle(), env.edge().authThrottle(), AuthRoutes.allRoutes()),
        routes,
        env.observability(),
        env.alerting());
    EdgeProtection edge = new EdgeProtection(this, "edge", region, env.edge(), api);
    RegionAlarms alarms = new RegionAlarms(this, "alarms", region, env.alerting());
    alarms.notifyOnEveryAlarm(this);
    TerraformOutput.Builder.create(this, "edge_domain")
        .value(edge.domainName())
        .description("The region's public API host (CloudFront with AWS WAF)")
        .build();
    TerraformOutput.Builder.create(this, "alarm_topic")
        .value(alarms.topicArn())
        .description("SNS topic every alarm of the region notifies")
        .build();
    TerraformOutput.Builder.create(this, "api_endpoint")
        .value(api.endpoint())
        .description("Base URL of the region's HTTP API")
        .build();
    TerraformOutput.Builder.create(this, "cursor_key_secret")
        .value(cursorKey.name())
        .description("Secret to fill once with base64 of 32 random bytes (put-secret-value)")
        .build();
    for (Capability capability : this.capabilities) {
      stores
          .settings(capability.name())
          .ifPresent(
              bundle -> {
                TerraformOutput.Builder.create(this, capability.name() + "_settings_secret")
                    .value(bundle.name())
                    .description(
                        "Secret to fill once with a JSON object of the "
                            + capability.name()
                            + " settings (members: output "
                            + capability.name()
                            + "_settings_members)")
                    .build();
                TerraformOutput.Builder.create(this, capability.name() + "_settings_members")
                    .value(bundle.members())
                    .description(
                        "The string members the "
                            + capability.name()
                            + " settings secret's JSON object may hold; others are ignored")
                    .build();
              });
    }
    TerraformOutput.Builder.create(this, "mail_dkim_tokens")
        .value(mail.dkimTokens())
        .description("Publish <token>._domainkey.<mail domain> CNAME <token>.dkim.amazonses.com")
        .build();
  }

  /**
   * Every capability's table (construct {@code <name>_table}), events queue ({@code <events>}, e.g.
   * {@code profile_events}) and, where it has them, bucket ({@code <name>_bucket}), envelope key
   * ({@code <name>_<stem>_key}), work queue ({@code <stem>}, e.g. {@code devices_work}) and
   * settings bundle ({@code <name>_settings}), and every subscriber's queue ({@code <name>_<stem>},
   * e.g. {@code devices_eraser}), with the region's key and cursor secret.
   */
  private RegionStores stores(
      RegionConfig region, RegionKey key, CursorKeySecret cursorKey, RegionRedis redis) {
    Map<String, CapabilityTable> tables = new LinkedHashMap<>();
    Map<String, EventsQueue> queues = new LinkedHashMap<>();
    Map<String, CapabilityBucket> buckets = new LinkedHashMap<>();
    Map<String, RegionKey> envelopeKeys = new LinkedHashMap<>();
    Map<String, SettingsBundleSecret> settings = new LinkedHashMap<>();
    for (Capability capability : capabilities) {
      String name = capability.name();
      if (!capability.secrets().isEmpty()) {
        settings.put(
            name, new SettingsBundleSecret(this, name + "_settings", region, key, capability));
      }
      capability
          .bucket()
          .ifPresent(
              b -> buckets.put(name, new CapabilityBucket(this, name + "_bucket", region, b)));
      capability
          .envelopeKey()
          .ifPresent(
              k ->
                  envelopeKeys.put(
                      name,
                      new RegionKey(
                          this,
                          name + "_" + k.stem() + "_key",
                          "alias/stride-" + name + "-" + k.stem() + "-" + region.id(),
                          "Stride " + region.id() + ": " + name + " " + k.stem())));
      capability
          .workQueue()
          .ifPresent(
              q ->
                  queues.put(
                      q.stem(),
                      EventsQueue.forWork(
                          this,
                          q.stem().replace('-', '_'),
                          region,
                          key,
                          q.stem(),
                          q.consumerTimeoutSeconds())));
      tables.put(
          capability.name(),
          new CapabilityTable(
              this,
              capability.name() + "_table",
              region,
              key,
              capability.name(),
              capability.table()));
      capability
          .outbox()
          .ifPresent(
              o ->
                  queues.put(
                      o.eventsName(),
                      new EventsQueue(
                          this, o.eventsName().replace('-', '_'), region, key, o.eventsName())));
    }
    for (Capability capability : capabilities) {
      for (Capability.Subscriber subscriber : capability.subscribers()) {
        String stem = EventsQueue.subscriberStem(capability.name(), subscriber);
        queues.put(
            stem,
            EventsQueue.forSubscriber(
                this, stem.replace('-', '_'), region, key, capability.name(), subscriber));
      }
    }
    return new RegionStores(key, cursorKey, tables, queues, buckets, envelopeKeys, settings, redis);
  }

  /**
   * For every events queue with subscribers, its fan-out ({@code <events>_fanout}: topic, pipe) and
   * a subscription of each subscriber's queue; then the region key's policy lets SNS deliver from
   * those topics into its encrypted queues. A region without subscribers keeps the key's default
   * policy.
   */
  private void fanOut(RegionConfig region, RegionKey key, RegionStores stores) {
    Map<String, EventsFanOut> fanOuts = new LinkedHashMap<>();
    for (Capability capability : capabilities) {
      for (Capability.Subscriber subscriber : capability.subscribers()) {
        EventsFanOut fanOut =
            fanOuts.computeIfAbsent(
                subscriber.events(),
                events ->
                    new EventsFanOut(
                        this,
                        events.replace('-', '_') + "_fanout",
                        region,
                        key,
                        events,
                        stores.queue(events)));
        String stem = EventsQueue.subscriberStem(capability.name(), subscriber);
        fanOut.subscribe(stem.replace('-', '_'), stores.queue(stem), subscriber.eventType());
      }
    }
    if (!fanOuts.isEmpty()) {
      key.letSnsDeliverFrom(fanOuts.values().stream().map(EventsFanOut::topicArn).toList());
    }
  }

  /**
   * One capability's HTTP function ({@code <name>_function}), its worker ({@code <name>_worker})
   * when its work queue has one, its subscribers ({@code <name>_<stem>_function}) and their sweeps
   * ({@code <name>_<stem>_sweep}, scheduled in the region's group), the key policies of its own
   * keys, its outbox relay ({@code <name>_outbox_relay}) when it has an outbox, and its routes from
   * the spec ({@code <name>_routes}).
   */
  private CapabilityRoutes addCapability(
      CapabilityRuntime runtime,
      EnvConfig env,
      ArtifactLocator artifacts,
      String scheduleGroupName,
      ProfilesHttpApi api,
      JsonNode spec,
      RealtimeApi chat) {
    Capability capability = runtime.capability();
    RegionConfig region = runtime.region();
    BuiltArtifact jar = artifacts.locate(env.artifacts().awsJar(capability.name()));
    RealtimeChannel channel = Capabilities.SOCIAL_REALTIME;
    boolean pushes = channel.name().equals(capability.name());
    CapabilityLambda function =
        new CapabilityLambda(
            this,
            capability.name() + "_function",
            runtime,
            CapabilityLambda.Bean.http(runtime, pushes ? Optional.of(chat) : Optional.empty()),
            env.auth(),
            env.observability(),
            jar,
            FunctionLimits.of(region, env, capabilities, region.functionName(capability.name())));
    if (pushes) {
      addRealtime(runtime, channel, chat, env, jar);
    }
    List<String> roles = new ArrayList<>(List.of(function.roleArn()));
    if (capability.worker().isPresent()) {
      QueueWorker worker =
          new QueueWorker(
              this,
              capability.name() + "_worker",
              runtime,
              env.observability(),
              jar,
              FunctionLimits.of(
                  region, env, capabilities, region.workerFunctionName(capability.name())),
              env.regionShare());
      roles.add(worker.roleArn());
    }
    // Its subscribers (the data eraser) and their sweeps touch none of its own keys: they stay off
    // their policies.
    for (Capability.Subscriber subscriber : capability.subscribers()) {
      String stem = EventsQueue.subscriberStem(capability.name(), subscriber);
      new EventSubscriber(
          this,
          stem.replace('-', '_') + "_function",
          runtime,
          subscriber,
          runtime.stores().queue(stem),
          env.observability(),
          jar,
          FunctionLimits.of(
              region,
              env,
              capabilities,
              region.subscriberFunctionName(capability.name(), subscriber.stem())));
      if (subscriber.sweep().isPresent()) {
        new SubscriberSweep(
            this,
            stem.replace('-', '_') + "_sweep",
            runtime,
            subscriber,
            scheduleGroupName,
            env.observability(),
            jar,
            FunctionLimits.of(
                region,
                env,
                capabilities,
                region.subscriberSweepFunctionName(capability.name(), subscriber.stem())));
      }
    }
    // The capability's own keys: usable by its HTTP function and worker, no other role.
    if (capability.bucket().isPresent()) {
      runtime.stores().bucket(capability.name()).limitKeyUseTo(roles);
    }
    capability
        .envelopeKey()
        .ifPresent(
            k ->
                runtime
                    .stores()
                    .envelopeKey(capability.name())
                    .limitEnvelopeUseTo(roles, k.contextKeys()));
    if (capability.outbox().isPresent()) {
      new OutboxRelay(
          this,
          capability.name() + "_outbox_relay",
          runtime,
          scheduleGroupName,
          env.observability(),
          jar);
    }
    return new CapabilityRoutes(
        this, capability.name() + "_routes", api, spec, capability.name(), function);
  }

  /**
   * The chat channel of {@code channel}'s capability: its WebSocket function ({@code
   * <name>_realtime_function}), routes and stage ({@code <name>_realtime_routes}) and the output
   * {@code realtime_url}.
   */
  private void addRealtime(
      CapabilityRuntime runtime,
      RealtimeChannel channel,
      RealtimeApi chat,
      EnvConfig env,
      BuiltArtifact jar) {
    RegionConfig region = runtime.region();
    CapabilityLambda function =
        CapabilityLambda.realtime(
            this,
            channel.name() + "_realtime_function",
            runtime,
            channel,
            chat,
            env.auth(),
            env.observability(),
            jar,
            FunctionLimits.of(
                region, env, capabilities, region.realtimeFunctionName(channel.name())));
    RealtimeRoutes routes =
        new RealtimeRoutes(
            this,
            channel.name() + "_realtime_routes",
            region,
            chat,
            function,
            env.throttle(),
            env.observability());
    TerraformOutput.Builder.create(this, "realtime_url")
        .value(routes.url())
        .description("The chat channel's WebSocket URL (wss://, docs/chat.md)")
        .build();
  }

  /** What the auth capability adds that the rest of the stack refers to. */
  private record Auth(AuthMail mail, AuthRoutes routes) {}

  /** The auth capability: its table, secrets, mail, HTTP function and routes, and schedules. */
  private Auth addAuth(
      RegionConfig region,
      EnvConfig env,
      ArtifactLocator artifacts,
      RegionKey key,
      EventsQueue events,
      ProfilesHttpApi api,
      String scheduleGroupName,
      RegionRedis redis) {
    AuthTable table = new AuthTable(this, "auth_table", region, key);
    AuthSecrets secrets = new AuthSecrets(this, "auth_secrets", region, key);
    AuthMail mail = new AuthMail(this, "auth_mail", region, env.authFunctions());
    AuthRuntime runtime =
        new AuthRuntime(region, env.auth(), env.authFunctions(), table, events, key, secrets, mail);
    BuiltArtifact jar = artifacts.locate(env.artifacts().awsAuthJar());
    AuthLambda function =
        new AuthLambda(
            this,
            "auth_function",
            region,
            runtime,
            FunctionLimits.of(region, env, capabilities, region.authFunctionName()),
            env.observability(),
            jar,
            redis);
    AuthRoutes routes = new AuthRoutes(this, "auth_routes", api, function);
    new AuthSchedules(
        this, "auth_schedules", region, runtime, scheduleGroupName, env.observability(), jar);
    TerraformOutput.Builder.create(this, "auth_secret_names")
        .value(secrets.names())
        .description(
            "Secrets to fill once: the directory hash key (same value in every region) and the"
                + " directory API secret (the global stack's value)")
        .build();
    return new Auth(mail, routes);
  }
}
