package app.stride.devices;

import app.stride.apispecs.ApiSpecs;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.config.Env;
import app.stride.core.event.EventPublisher;
import app.stride.core.function.ApiFunction;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.region.RegionId;
import app.stride.core.store.CursorSeal;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueBatches;
import app.stride.core.trigger.QueueMessage;
import app.stride.core.trigger.ScheduledTick;
import app.stride.devices.adapter.in.http.ConnectionHttpHandlers;
import app.stride.devices.adapter.in.http.DeviceHttpHandlers;
import app.stride.devices.adapter.in.http.HistoryHttpHandlers;
import app.stride.devices.adapter.in.http.UploadDecoder;
import app.stride.devices.adapter.in.http.WebhookHttpHandlers;
import app.stride.devices.adapter.out.files.ParsingDecoder;
import app.stride.devices.application.port.out.ActivityDecoder;
import app.stride.devices.application.port.out.ActivityOutboxPort;
import app.stride.devices.application.port.out.ActivityStore;
import app.stride.devices.application.port.out.ConnectionStore;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.application.port.out.ImportJobStore;
import app.stride.devices.application.port.out.ObjectStore;
import app.stride.devices.application.port.out.RecordedWorkouts;
import app.stride.devices.application.port.out.WorkQueue;
import app.stride.devices.application.service.ActivityIngest;
import app.stride.devices.application.service.ActivityOutboxRelay;
import app.stride.devices.application.service.ActivityQueries;
import app.stride.devices.application.service.CloudActivityEvents;
import app.stride.devices.application.service.ConnectionRevoker;
import app.stride.devices.application.service.ConnectionService;
import app.stride.devices.application.service.ErasureSweep;
import app.stride.devices.application.service.HistoryQueries;
import app.stride.devices.application.service.ImportService;
import app.stride.devices.application.service.ImportUploads;
import app.stride.devices.application.service.NotificationWorker;
import app.stride.devices.application.service.QueuedImport;
import app.stride.devices.application.service.QueuedRevocation;
import app.stride.devices.application.service.UploadPolicy;
import app.stride.devices.application.service.UserDataEraser;
import app.stride.devices.connection.ConnectionSettings;
import app.stride.devices.connection.GuardedTokenEndpoint;
import app.stride.devices.connection.HttpProviderAccountLookup;
import app.stride.devices.connection.OAuthClient;
import app.stride.devices.connection.ProviderRevocations;
import app.stride.devices.connection.RefreshPolicy;
import app.stride.devices.connection.RevocationClient;
import app.stride.devices.connection.Secret;
import app.stride.devices.connection.TokenCipher;
import app.stride.devices.connection.TokenEndpoint;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import app.stride.devices.files.ImportLimits;
import app.stride.devices.pull.ActivityFetcher;
import app.stride.devices.pull.CorosFetcher;
import app.stride.devices.pull.FitbitFetcher;
import app.stride.devices.pull.GarminFetcher;
import app.stride.devices.pull.GuardedFetchers;
import app.stride.devices.pull.PolarFetcher;
import app.stride.devices.pull.ProviderApis;
import app.stride.devices.pull.ProviderHttp;
import app.stride.devices.pull.StravaFetcher;
import app.stride.devices.pull.SuuntoFetcher;
import app.stride.devices.pull.WahooFetcher;
import app.stride.devices.webhook.InMemorySeenSignatures;
import app.stride.devices.webhook.SeenSignatures;
import app.stride.devices.webhook.WebhookPolicy;
import app.stride.devices.webhook.WebhookReceiver;
import app.stride.devices.webhook.WebhookSecrets;
import app.stride.devices.webhook.coros.CorosWebhookReceiver;
import app.stride.devices.webhook.fitbit.FitbitWebhookReceiver;
import app.stride.devices.webhook.garmin.GarminUserLookup;
import app.stride.devices.webhook.garmin.GarminWebhookReceiver;
import app.stride.devices.webhook.polar.PolarWebhookReceiver;
import app.stride.devices.webhook.strava.SharedCallCounter;
import app.stride.devices.webhook.strava.StravaRateBudget;
import app.stride.devices.webhook.strava.StravaWebhookReceiver;
import app.stride.devices.webhook.suunto.SuuntoWebhookReceiver;
import app.stride.devices.webhook.wahoo.WahooWebhookReceiver;
import app.stride.events.user.v1.UserEraserQueueFunction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The devices capability's functions, wired from its ports. Each cloud module calls these from its
 * initializer with its own store, bucket and queue adapters.
 */
public final class DevicesFunctions {
  /** The spec's {@code x-stride-function} of the devices routes, and the HTTP bean's stem. */
  public static final String NAME = "devices";

  /** The variable holding the id of our Strava push subscription. */
  public static final String STRAVA_SUBSCRIPTION_ENV = "STRIDE_WEBHOOK_STRAVA_SUBSCRIPTION_ID";

  private DevicesFunctions() {}

  /** The bean name of the outbox relay. */
  public static final String OUTBOX_RELAY = "devicesOutboxRelay";

  /**
   * What one region's devices function works on.
   *
   * @param activities the activity store
   * @param outbox the same store's per-item outbox
   * @param imports the import store
   * @param objects the region's bucket
   * @param queue the region's work queue
   * @param events where activity events are published
   * @param connections the users' provider connections
   * @param tokens the envelope cipher of the connections' tokens (KMS / Cloud KMS; a local key
   *     locally)
   * @param workouts the workouts the users recorded by hand, read-only, for the history
   * @param erased the accounts erased in the region, whose writes are refused
   */
  public record Ports(
      ActivityStore activities,
      ActivityOutboxPort outbox,
      ImportJobStore imports,
      ObjectStore objects,
      WorkQueue queue,
      EventPublisher events,
      ConnectionStore connections,
      TokenCipher tokens,
      RecordedWorkouts workouts,
      ErasedAccounts erased) {}

  /** The bean name of the worker taking the work queue's notifications. */
  public static final String WORKER = "devicesWorker";

  /**
   * The HTTP function with meters that are not kept (tests and benchmarks): see {@link #http(Ports,
   * Map, TokenVerifier, RegionId, Clock, MeterRegistry)}.
   */
  public static ApiFunction http(
      Ports ports,
      Map<String, String> env,
      TokenVerifier verifier,
      RegionId servingRegion,
      Clock clock) {
    return http(ports, env, verifier, servingRegion, clock, new SimpleMeterRegistry());
  }

  /**
   * The HTTP function serving imports, activities, the history and the providers' webhooks; {@code
   * env} holds the history's cursor key ({@link CursorSeal#KEY_ENV}); the guards of the providers'
   * token endpoints meter to {@code registry}.
   */
  public static ApiFunction http(
      Ports ports,
      Map<String, String> env,
      TokenVerifier verifier,
      RegionId servingRegion,
      Clock clock,
      MeterRegistry registry) {
    TokenEndpoint tokenEndpoints = tokenEndpoints(registry);
    RequestValidator validator = new RequestValidator(mobileApi());
    SecureRandom random = new SecureRandom();
    ActivityIngest ingest = ingest(ports, servingRegion, clock, random);
    ConnectionService connections = connections(ports, env, tokenEndpoints, servingRegion, clock);
    UserDataEraser eraser = eraser(ports, connections, servingRegion, clock);
    ImportService imports =
        new ImportService(
            ports.imports(),
            ports.objects(),
            new UploadDecoder(files()),
            ingest,
            eraser,
            servingRegion,
            clock,
            random);
    ActivityQueries queries =
        new ActivityQueries(ports.activities(), ports.objects(), servingRegion);
    SeenSignatures seen = InMemorySeenSignatures.defaults();
    ApiFunction.Builder builder = ApiFunction.builder(NAME, validator, verifier);
    new DeviceHttpHandlers(
            imports, uploads(ports, ingest, eraser, servingRegion, clock, random), queries)
        .register(builder);
    new ConnectionHttpHandlers(connections, clock).register(builder);
    new HistoryHttpHandlers(
            new HistoryQueries(
                ports.activities(),
                ports.workouts(),
                CursorSeal.fromEnv(new Env(env)),
                servingRegion,
                clock))
        .register(builder);
    GarminUserLookup garminUsers =
        (garminUserId, token) ->
            connections.holdsToken(Provider.GARMIN, garminUserId, token, servingRegion);
    new WebhookHttpHandlers(
            receivers(new EnvWebhookSecrets(env), env, seen, garminUsers),
            ports.queue(),
            seen,
            servingRegion,
            clock)
        .register(builder);
    return builder.build();
  }

  /**
   * The worker taking the region's work queue: an uploaded file ({@link QueuedImport}) is streamed
   * from the bucket, decoded and ingested; a disconnected user's grant is revoked at the provider
   * ({@link QueuedRevocation}); each verified notification is fetched from its provider and
   * ingested (or the revoked connection forgotten); a batch answers the ids of the messages to
   * redeliver. This form keeps no meters (tests and benchmarks).
   */
  public static Function<List<QueueMessage>, BatchResult> worker(
      Ports ports,
      Map<String, String> env,
      List<ActivityFetcher> fetchers,
      RegionId servingRegion,
      Clock clock) {
    return worker(ports, env, fetchers, servingRegion, clock, new SimpleMeterRegistry());
  }

  /**
   * The worker, its providers' token endpoints guarded with meters to {@code registry}: see the
   * method above.
   */
  public static Function<List<QueueMessage>, BatchResult> worker(
      Ports ports,
      Map<String, String> env,
      List<ActivityFetcher> fetchers,
      RegionId servingRegion,
      Clock clock,
      MeterRegistry registry) {
    TokenEndpoint tokenEndpoints = tokenEndpoints(registry);
    SecureRandom random = new SecureRandom();
    ActivityIngest ingest = ingest(ports, servingRegion, clock, random);
    ConnectionService connections = connections(ports, env, tokenEndpoints, servingRegion, clock);
    UserDataEraser eraser = eraser(ports, connections, servingRegion, clock);
    NotificationWorker worker =
        new NotificationWorker(
            connections, fetchers, ingest, ports.objects(), eraser, servingRegion, clock);
    ImportUploads uploads = uploads(ports, ingest, eraser, servingRegion, clock, random);
    ConnectionRevoker revoker = revoker(ports, env, tokenEndpoints, servingRegion, clock);
    return batch ->
        QueueBatches.each(
            batch,
            message -> {
              Optional<QueuedImport> upload = QueuedImport.read(message.body());
              if (upload.isPresent()) {
                uploads.process(upload.get());
                return;
              }
              Optional<QueuedRevocation> revocation = QueuedRevocation.read(message.body());
              if (revocation.isPresent()) {
                revoker.revoke(revocation.get());
                return;
              }
              worker.handle(message);
            });
  }

  /** The bean name of the data eraser taking {@code app.stride.user.v1.deleted} events. */
  public static final String USER_ERASER = "devicesUserEraser";

  /**
   * The data eraser: each {@code app.stride.user.v1.deleted} event of a batch marks the user erased
   * (their later writes are refused) and erases their connections (each grant's revocation queued
   * for the worker, as on a disconnect), imports, activities and bucket objects in their home
   * region ({@link UserDataEraser}); a batch answers the ids of the messages to redeliver.
   */
  public static Function<List<QueueMessage>, BatchResult> userEraser(
      Ports ports, Map<String, String> env, RegionId servingRegion, Clock clock) {
    ConnectionService connections =
        connections(ports, env, tokenEndpoints(new SimpleMeterRegistry()), servingRegion, clock);
    return new UserEraserQueueFunction<>(
        UserId::new, eraser(ports, connections, servingRegion, clock)::erase);
  }

  /** The bean name of the erasure's scheduled follow-up sweep ({@link ErasureSweep}). */
  public static final String ERASURE_SWEEP = "devicesErasureSweep";

  /**
   * The erasure's follow-up: each tick sweeps again the accounts erased in this region within the
   * last hour, removing what a late write left after the erasure ({@link ErasureSweep}); the same
   * connections and stores as the data eraser.
   */
  public static Consumer<ScheduledTick> erasureSweep(
      Ports ports, Map<String, String> env, RegionId servingRegion, Clock clock) {
    ConnectionService connections =
        connections(ports, env, tokenEndpoints(new SimpleMeterRegistry()), servingRegion, clock);
    return new ErasureSweep(
        ports.erased(), eraser(ports, connections, servingRegion, clock), clock);
  }

  private static UserDataEraser eraser(
      Ports ports, ConnectionService connections, RegionId servingRegion, Clock clock) {
    return new UserDataEraser(
        connections,
        ports.activities(),
        ports.imports(),
        ports.objects(),
        ports.erased(),
        servingRegion,
        clock);
  }

  private static ImportUploads uploads(
      Ports ports,
      ActivityIngest ingest,
      UserDataEraser eraser,
      RegionId servingRegion,
      Clock clock,
      SecureRandom random) {
    return new ImportUploads(
        ports.imports(),
        ports.objects(),
        ports.queue(),
        new ParsingDecoder(ImportLimits.UPLOADED),
        ingest,
        eraser,
        UploadPolicy.defaults(),
        servingRegion,
        clock,
        random);
  }

  /** The variable holding our Suunto API subscription key (sent with every Suunto API call). */
  public static final String SUUNTO_SUBSCRIPTION_KEY_ENV =
      "STRIDE_PROVIDER_SUUNTO_SUBSCRIPTION_KEY";

  /**
   * The region's share of Strava's application limits (a decimal in (0, 1], default 1): infra sets
   * one over the number of regions, as every region pulls with the same application.
   */
  public static final String STRAVA_BUDGET_SHARE_ENV = "STRIDE_PROVIDER_STRAVA_BUDGET_SHARE";

  /**
   * The provider fetchers of a deployment: production APIs unless {@code STRIDE_PROVIDER_API_*}
   * overrides them (the local platform and tests). Suunto joins when its subscription key is set.
   * One Strava budget per process, also counted across the region's instances in {@code
   * stravaCalls} up to the region's share ({@value #STRAVA_BUDGET_SHARE_ENV}). Each provider's API
   * is behind its own time limit, breaker and bulkhead ({@link GuardedFetchers}); their meters go
   * to {@code registry}.
   *
   * @throws IllegalArgumentException when the share is not a decimal in (0, 1]
   */
  public static List<ActivityFetcher> fetchers(
      Map<String, String> env, MeterRegistry registry, SharedCallCounter stravaCalls) {
    ProviderHttp http = ProviderHttp.withDefaults();
    ProviderApis apis = ProviderApis.fromEnv(env);
    List<ActivityFetcher> fetchers = new ArrayList<>();
    fetchers.add(new PolarFetcher(http, apis));
    fetchers.add(new WahooFetcher(http, apis));
    fetchers.add(new CorosFetcher(http, apis));
    fetchers.add(new GarminFetcher(http, apis));
    fetchers.add(new FitbitFetcher(http, apis));
    fetchers.add(
        new StravaFetcher(http, apis, StravaRateBudget.shared(stravaCalls, stravaShare(env))));
    String suunto = env.get(SUUNTO_SUBSCRIPTION_KEY_ENV);
    if (suunto != null && !suunto.isBlank()) {
      fetchers.add(new SuuntoFetcher(http, apis, Secret.of(suunto)));
    }
    return GuardedFetchers.guard(fetchers, registry);
  }

  private static ActivityIngest ingest(
      Ports ports, RegionId servingRegion, Clock clock, SecureRandom random) {
    return new ActivityIngest(
        ports.activities(),
        ports.objects(),
        new CloudActivityEvents(servingRegion),
        ports.outbox(),
        ports.events(),
        clock,
        random);
  }

  private static TokenEndpoint tokenEndpoints(MeterRegistry registry) {
    return GuardedTokenEndpoint.guard(OAuthClient.withDefaults(), registry);
  }

  private static ConnectionService connections(
      Ports ports,
      Map<String, String> env,
      TokenEndpoint tokenEndpoints,
      RegionId servingRegion,
      Clock clock) {
    return new ConnectionService(
        ports.connections(),
        ConnectionSettings.fromEnv(env),
        tokenEndpoints,
        ports.tokens(),
        HttpProviderAccountLookup.withDefaults(ProviderApis.fromEnv(env)),
        RefreshPolicy.defaults(),
        ProviderRevocations.fromEnv(env),
        ports.queue(),
        ports.erased(),
        servingRegion,
        clock);
  }

  private static ConnectionRevoker revoker(
      Ports ports,
      Map<String, String> env,
      TokenEndpoint tokenEndpoints,
      RegionId servingRegion,
      Clock clock) {
    return new ConnectionRevoker(
        ports.connections(),
        ports.tokens(),
        ConnectionSettings.fromEnv(env),
        tokenEndpoints,
        ProviderRevocations.fromEnv(env),
        RevocationClient.withDefaults(),
        RefreshPolicy.defaults(),
        servingRegion,
        clock);
  }

  /**
   * The scheduled relay that publishes events left in the outbox, except an erased account's
   * ({@link ActivityOutboxRelay}).
   */
  public static Consumer<ScheduledTick> outboxRelay(
      ActivityOutboxPort outbox, EventPublisher events, ErasedAccounts erased, RegionId region) {
    return new ActivityOutboxRelay(outbox, events, erased, region);
  }

  private static double stravaShare(Map<String, String> env) {
    String share = env.get(STRAVA_BUDGET_SHARE_ENV);
    if (share == null || share.isBlank()) {
      return 1.0;
    }
    try {
      return Double.parseDouble(share.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(STRAVA_BUDGET_SHARE_ENV + " is not a decimal", e);
    }
  }

  /**
   * The webhook receivers of the providers this deployment serves. Garmin's pushes are verified
   * against the user access tokens of the stored connections.
   */
  static List<WebhookReceiver> receivers(
      WebhookSecrets secrets,
      Map<String, String> env,
      SeenSignatures seen,
      GarminUserLookup garminUsers) {
    WebhookPolicy policy = WebhookPolicy.defaults();
    List<WebhookReceiver> receivers = new ArrayList<>();
    receivers.add(new PolarWebhookReceiver(secrets, policy, seen));
    receivers.add(new SuuntoWebhookReceiver(secrets, policy, seen));
    receivers.add(new FitbitWebhookReceiver(secrets, policy, seen));
    receivers.add(new WahooWebhookReceiver(secrets, policy, seen));
    receivers.add(new CorosWebhookReceiver(secrets, policy, seen));
    receivers.add(new GarminWebhookReceiver(secrets, policy, seen, garminUsers));
    String strava = env.get(STRAVA_SUBSCRIPTION_ENV);
    if (strava != null && strava.matches("[0-9]{1,18}")) {
      receivers.add(new StravaWebhookReceiver(secrets, policy, seen, Long.parseLong(strava)));
    }
    return receivers;
  }

  /** The file parsers as the import use cases' decoder. */
  static ActivityDecoder files() {
    return new ParsingDecoder(ImportLimits.DEFAULT);
  }

  /** The JSON twin of the spec (no YAML parser on a function's cold start). */
  private static OpenApiSpec mobileApi() {
    try (InputStream in = ApiSpecs.mobileApiJson()) {
      return OpenApiSpec.readJson("mobile-api", in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
