package app.stride.devices.aws;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.aws.lambda.AwsFunctions;
import app.stride.aws.lambda.LambdaMetrics;
import app.stride.aws.secrets.SecretsOverlay;
import app.stride.aws.sqs.SqsClients;
import app.stride.aws.sqs.SqsEventPublisher;
import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.devices.DevicesFunctions;
import app.stride.devices.aws.adapter.out.dynamodb.DynamoActivityStore;
import app.stride.devices.aws.adapter.out.dynamodb.DynamoConnectionStore;
import app.stride.devices.aws.adapter.out.dynamodb.DynamoErasedAccounts;
import app.stride.devices.aws.adapter.out.dynamodb.DynamoImportJobStore;
import app.stride.devices.aws.adapter.out.dynamodb.DynamoSharedCallCounter;
import app.stride.devices.aws.adapter.out.kms.KmsSettings;
import app.stride.devices.aws.adapter.out.kms.KmsTokenCipher;
import app.stride.devices.aws.adapter.out.s3.S3ObjectStore;
import app.stride.devices.aws.adapter.out.sqs.SqsWorkQueue;
import app.stride.devices.aws.adapter.out.workouts.DynamoRecordedWorkouts;
import app.stride.devices.connection.LocalAesGcmTokenCipher;
import app.stride.devices.connection.TokenCipher;
import app.stride.edge.function.EdgeHttp;
import app.stride.edge.function.TracedQueueFunction;
import app.stride.edge.observability.ServiceIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The devices Lambda deployable ({@code MAIN_CLASS}). Spring Cloud Function's {@code
 * FunctionInvoker} starts it functionally and calls the function infra names in {@code
 * SPRING_CLOUD_FUNCTION_DEFINITION}:
 *
 * <ul>
 *   <li>{@code devicesHttp}: API Gateway HTTP API v2 events for {@code /v1/activities/**} and the
 *       providers' {@code /v1/webhooks/{provider}/{region}};
 *   <li>{@code devicesOutboxRelaySchedule}: EventBridge Scheduler ticks of the outbox relay;
 *   <li>{@code devicesWorkerQueue}: SQS batches of the work queue's verified webhook notifications,
 *       each fetched from its provider and ingested; failed ones come back as {@code
 *       batchItemFailures};
 *   <li>{@code devicesUserEraserQueue}: SQS batches of {@code app.stride.user.v1.deleted} events,
 *       each erasing the user's connections, imports, activities and bucket objects in their home
 *       region; unreadable or failed ones come back as {@code batchItemFailures};
 *   <li>{@code devicesErasureSweepSchedule}: EventBridge Scheduler ticks of the erasure's
 *       follow-up, sweeping again the accounts erased in the region within the last hour.
 * </ul>
 *
 * Clients are built when the invoked function is first used; the HTTP function is served through
 * the edge ({@link EdgeHttp}). The provider settings ({@link DevicesSecretSettings}) come from the
 * region's settings bundle ({@code STRIDE_SECRETS_BUNDLE_ARN}) and the history's cursor key from
 * the region's cursor secret ({@code STRIDE_CURSOR_KEY_ARN}), read once on first use ({@link
 * SecretsOverlay}): not before a SnapStart snapshot, so a bundle not filled yet fails requests, not
 * the deployment; a value set already (the local platform) wins.
 */
public class DevicesAwsApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  @Override
  public void initialize(GenericApplicationContext context) {
    Env env = Env.system();
    Supplier<Env> settings = DevicesSecretSettings.overlay().onFirstUse(env);
    DevicesAwsConfig config = DevicesAwsConfig.fromEnv(env);
    Clock clock = Clock.systemUTC();
    Adapters adapters = new Adapters(config, env, clock);
    AwsFunctions.registerHttp(
        context,
        DevicesFunctions.NAME,
        () ->
            EdgeHttp.around(
                DevicesFunctions.http(
                    adapters.ports(),
                    settings.get().asMap(),
                    TokenVerifiers.fromEnv(env, clock),
                    config.region(),
                    clock,
                    adapters.meters()),
                env,
                adapters.meters()));
    AwsFunctions.registerSchedule(
        context,
        DevicesFunctions.OUTBOX_RELAY,
        () ->
            DevicesFunctions.outboxRelay(
                adapters.activities(), adapters.events(), adapters.erased(), config.region()));
    AwsFunctions.registerQueue(
        context,
        DevicesFunctions.WORKER,
        () ->
            new TracedQueueFunction(
                new ServiceIdentity(config.region().value(), DevicesFunctions.WORKER),
                DevicesFunctions.worker(
                    adapters.ports(),
                    settings.get().asMap(),
                    DevicesFunctions.fetchers(
                        settings.get().asMap(), adapters.meters(), adapters.providerCalls()),
                    config.region(),
                    clock,
                    adapters.meters())));
    AwsFunctions.registerQueue(
        context,
        DevicesFunctions.USER_ERASER,
        () ->
            new TracedQueueFunction(
                new ServiceIdentity(config.region().value(), DevicesFunctions.USER_ERASER),
                DevicesFunctions.userEraser(
                    adapters.ports(), settings.get().asMap(), config.region(), clock)));
    AwsFunctions.registerSchedule(
        context,
        DevicesFunctions.ERASURE_SWEEP,
        () ->
            DevicesFunctions.erasureSweep(
                adapters.ports(), settings.get().asMap(), config.region(), clock));
  }

  /** The clients, stores, bucket, queues and meter registry, each built once, on first use. */
  static final class Adapters {
    private final DevicesAwsConfig config;
    private final Env env;
    private final Clock clock;
    private DynamoDbClient client;
    private DynamoActivityStore activities;
    private DynamoImportJobStore imports;
    private S3ObjectStore objects;
    private SqsWorkQueue queue;
    private SqsEventPublisher events;
    private DynamoConnectionStore connections;
    private TokenCipher tokens;
    private DynamoRecordedWorkouts workouts;
    private DynamoErasedAccounts erased;
    private MeterRegistry meters;

    Adapters(DevicesAwsConfig config, Env env, Clock clock) {
      this.config = config;
      this.env = env;
      this.clock = clock;
    }

    synchronized MeterRegistry meters() {
      if (meters == null) {
        meters = LambdaMetrics.fromEnv(env);
      }
      return meters;
    }

    synchronized DevicesFunctions.Ports ports() {
      return new DevicesFunctions.Ports(
          activities(),
          activities(),
          imports(),
          objects(),
          queue(),
          events(),
          connections(),
          tokens(),
          workouts(),
          erased());
    }

    /** The erased accounts' markers, in the devices table beside the user's items. */
    synchronized DynamoErasedAccounts erased() {
      if (erased == null) {
        activities();
        erased =
            new DynamoErasedAccounts(
                DynamoDbClients.enhanced(client()), config.tableName(), config.region(), clock);
      }
      return erased;
    }

    /** The region's shared provider call windows (Strava's budget), in the devices table. */
    synchronized DynamoSharedCallCounter providerCalls() {
      activities();
      return new DynamoSharedCallCounter(client(), config.tableName());
    }

    /** The workouts table, read-only, for the history. */
    synchronized DynamoRecordedWorkouts workouts() {
      if (workouts == null) {
        workouts =
            DynamoRecordedWorkouts.fromEnv(
                DynamoDbClients.enhanced(client()), env, config.region());
      }
      return workouts;
    }

    synchronized DynamoConnectionStore connections() {
      if (connections == null) {
        activities();
        connections =
            new DynamoConnectionStore(
                DynamoDbClients.enhanced(client()), config.tableName(), config.region(), clock);
      }
      return connections;
    }

    /** The region's envelope key through KMS, or a local key on the local platform. */
    synchronized TokenCipher tokens() {
      if (tokens == null) {
        tokens =
            env.optional(KmsSettings.KEY_ENV).isPresent()
                ? KmsTokenCipher.of(KmsSettings.fromEnv(env))
                : LocalAesGcmTokenCipher.fromEnv(env.asMap())
                    .orElseGet(
                        () ->
                            TokenCipher.unconfigured(
                                "no token key: set STRIDE_DEVICES_TOKEN_KEY_ID (KMS) or, locally, "
                                    + LocalAesGcmTokenCipher.LOCAL_KEY_ENV));
      }
      return tokens;
    }

    synchronized DynamoActivityStore activities() {
      if (activities == null) {
        activities =
            new DynamoActivityStore(
                DynamoDbClients.enhanced(client()), config.tableName(), config.region(), clock);
        if (config.createTable()) {
          LocalTables.createIfMissing(activities.table(), client());
        }
      }
      return activities;
    }

    synchronized DynamoImportJobStore imports() {
      if (imports == null) {
        activities();
        imports =
            new DynamoImportJobStore(
                DynamoDbClients.enhanced(client()), config.tableName(), config.region(), clock);
      }
      return imports;
    }

    synchronized S3ObjectStore objects() {
      if (objects == null) {
        objects = S3ObjectStore.of(config.s3());
      }
      return objects;
    }

    synchronized SqsWorkQueue queue() {
      if (queue == null) {
        queue =
            new SqsWorkQueue(
                SqsWorkQueue.client(config.workQueue()), config.workQueue().queueUrl());
      }
      return queue;
    }

    synchronized SqsEventPublisher events() {
      if (events == null) {
        events = new SqsEventPublisher(SqsClients.client(config.sqs()), config.sqs().queueUrl());
      }
      return events;
    }

    private DynamoDbClient client() {
      if (client == null) {
        client = DynamoDbClients.client(config.dynamoDb());
      }
      return client;
    }
  }
}
