package app.stride.devices.gcp;

import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.core.function.StrideFunctions;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.devices.DevicesFunctions;
import app.stride.devices.connection.LocalAesGcmTokenCipher;
import app.stride.devices.connection.TokenCipher;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreActivityStore;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreConnectionStore;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreErasedAccounts;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreImportJobStore;
import app.stride.devices.gcp.adapter.out.firestore.FirestoreSharedCallCounter;
import app.stride.devices.gcp.adapter.out.gcs.GcsObjectStore;
import app.stride.devices.gcp.adapter.out.kms.CloudKmsSettings;
import app.stride.devices.gcp.adapter.out.kms.CloudKmsTokenCipher;
import app.stride.devices.gcp.adapter.out.pubsub.PubSubWorkQueue;
import app.stride.devices.gcp.adapter.out.workouts.FirestoreRecordedWorkouts;
import app.stride.edge.function.EdgeHttp;
import app.stride.edge.function.TracedQueueFunction;
import app.stride.edge.observability.ServiceIdentity;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.functions.FunctionMetrics;
import app.stride.gcp.functions.GcpFunctions;
import app.stride.gcp.pubsub.PubSubEventPublisher;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Wires the devices capability on Google Cloud by functional bean registration: configuration read
 * once, one set of ports (a Firestore client shared by the activity, import and connection stores
 * and the worker's shared Strava call counter, the bucket, the work and events topics, the token
 * cipher) built on first use, the HTTP function {@value DevicesFunctions#NAME}, and the worker as
 * the neutral batch function {@value DevicesFunctions#WORKER} with its Pub/Sub face {@value
 * #WORKER_MESSAGE}, and the data eraser as the neutral batch function {@value
 * DevicesFunctions#USER_ERASER} with its Pub/Sub face {@value #USER_ERASER_MESSAGE}, and the
 * erasure's follow-up sweep {@value DevicesFunctions#ERASURE_SWEEP} (a scheduled job, {@link
 * DevicesErasureSweepFunction}), and the outbox relay {@value DevicesFunctions#OUTBOX_RELAY} (a
 * scheduled job every minute, {@link DevicesOutboxRelayFunction}), which publishes the events a
 * failed publish left pending in the activities' outbox.
 */
public final class DevicesGcpApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  /** The worker as a {@code Consumer<QueueMessage>} for one pushed Pub/Sub message. */
  public static final String WORKER_MESSAGE = DevicesFunctions.WORKER + GcpFunctions.MESSAGE_SUFFIX;

  /**
   * The data eraser as a {@code Consumer<QueueMessage>} for one pushed Pub/Sub message, over the
   * same instance as {@value DevicesFunctions#USER_ERASER}.
   */
  public static final String USER_ERASER_MESSAGE =
      DevicesFunctions.USER_ERASER + GcpFunctions.MESSAGE_SUFFIX;

  @Override
  public void initialize(GenericApplicationContext context) {
    Env env = Env.system();
    DevicesGcpConfig config = DevicesGcpConfig.fromEnv(env);
    Clock clock = Clock.systemUTC();

    context.registerBean(Firestore.class, () -> FirestoreClients.create(config.firestore()));
    context.registerBean(
        DevicesFunctions.Ports.class,
        () -> ports(context.getBean(Firestore.class), config, env, clock));
    StrideFunctions.registerHttp(
        context,
        DevicesFunctions.NAME,
        () -> {
          MeterRegistry meters = FunctionMetrics.fromEnv(env);
          return EdgeHttp.around(
              DevicesFunctions.http(
                  context.getBean(DevicesFunctions.Ports.class),
                  env.asMap(),
                  TokenVerifiers.fromEnv(env, clock),
                  config.region(),
                  clock,
                  meters),
              env,
              meters);
        });
    GcpFunctions.registerQueue(
        context,
        DevicesFunctions.WORKER,
        () ->
            new TracedQueueFunction(
                new ServiceIdentity(config.region().value(), DevicesFunctions.WORKER),
                worker(
                    context.getBean(DevicesFunctions.Ports.class),
                    context.getBean(Firestore.class),
                    env,
                    config,
                    clock)));
    GcpFunctions.registerQueue(
        context,
        DevicesFunctions.USER_ERASER,
        () ->
            new TracedQueueFunction(
                new ServiceIdentity(config.region().value(), DevicesFunctions.USER_ERASER),
                DevicesFunctions.userEraser(
                    context.getBean(DevicesFunctions.Ports.class),
                    env.asMap(),
                    config.region(),
                    clock)));
    GcpFunctions.registerSchedule(
        context,
        DevicesFunctions.ERASURE_SWEEP,
        () ->
            DevicesFunctions.erasureSweep(
                context.getBean(DevicesFunctions.Ports.class),
                env.asMap(),
                config.region(),
                clock));
    GcpFunctions.registerSchedule(
        context,
        DevicesFunctions.OUTBOX_RELAY,
        () -> {
          DevicesFunctions.Ports ports = context.getBean(DevicesFunctions.Ports.class);
          return DevicesFunctions.outboxRelay(
              ports.outbox(), ports.events(), ports.erased(), config.region());
        });
  }

  private static Function<List<QueueMessage>, BatchResult> worker(
      DevicesFunctions.Ports ports,
      Firestore firestore,
      Env env,
      DevicesGcpConfig config,
      Clock clock) {
    MeterRegistry meters = FunctionMetrics.fromEnv(env);
    return DevicesFunctions.worker(
        ports,
        env.asMap(),
        DevicesFunctions.fetchers(env.asMap(), meters, new FirestoreSharedCallCounter(firestore)),
        config.region(),
        clock,
        meters);
  }

  private static DevicesFunctions.Ports ports(
      Firestore firestore, DevicesGcpConfig config, Env env, Clock clock) {
    FirestoreActivityStore activities =
        new FirestoreActivityStore(firestore, config.region(), clock);
    return new DevicesFunctions.Ports(
        activities,
        activities,
        new FirestoreImportJobStore(firestore, config.region(), clock),
        new GcsObjectStore(
            storage(config), config.bucket().bucket(), clock, !config.inMemoryBucket()),
        new PubSubWorkQueue(config.workTopic()),
        new PubSubEventPublisher(config.events()),
        new FirestoreConnectionStore(firestore, config.region(), clock),
        tokens(env),
        new FirestoreRecordedWorkouts(firestore, config.region()),
        new FirestoreErasedAccounts(firestore, config.region(), clock));
  }

  /** The region's envelope key through Cloud KMS, or a local key on the local platform. */
  private static TokenCipher tokens(Env env) {
    if (env.optional(CloudKmsSettings.KEY_ENV).isPresent()) {
      return CloudKmsTokenCipher.of(CloudKmsSettings.fromEnv(env));
    }
    return LocalAesGcmTokenCipher.fromEnv(env.asMap())
        .orElseGet(
            () ->
                TokenCipher.unconfigured(
                    "no token key: set STRIDE_DEVICES_TOKEN_KEY_ID (Cloud KMS) or, locally, "
                        + LocalAesGcmTokenCipher.LOCAL_KEY_ENV));
  }

  private static Storage storage(DevicesGcpConfig config) {
    if (config.inMemoryBucket()) {
      // The local platform only: no Cloud Storage server runs here (docs/devices.md).
      return LocalStorageHelper.getOptions().getService();
    }
    return GcsObjectStore.client(config.bucket());
  }
}
