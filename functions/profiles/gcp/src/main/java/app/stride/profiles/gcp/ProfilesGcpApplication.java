package app.stride.profiles.gcp;

import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.core.function.StrideFunctions;
import app.stride.edge.function.EdgeHttp;
import app.stride.edge.function.TracedQueueFunction;
import app.stride.edge.observability.ServiceIdentity;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.functions.FunctionMetrics;
import app.stride.gcp.functions.GcpFunctions;
import app.stride.gcp.pubsub.PubSubEventPublisher;
import app.stride.profiles.ProfilesFunctions;
import app.stride.profiles.gcp.adapter.out.firestore.FirestoreProfileStore;
import java.time.Clock;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Wires the profiles capability on Google Cloud by functional bean registration (no scanning): the
 * configuration is read once from the environment, the Firestore store and the Pub/Sub publisher
 * become singletons (closed with the context), the HTTP function (with its token verifier) is built
 * on its first request, and the functions are registered: {@value ProfilesFunctions#NAME} (HTTP),
 * {@value ProfilesFunctions#OUTBOX_RELAY} (schedule) and the data eraser, as the neutral batch
 * function {@value ProfilesFunctions#USER_ERASER} and its Pub/Sub face {@value
 * #USER_ERASER_MESSAGE}.
 *
 * <p>The HTTP function is served through the edge ({@link EdgeHttp}: request log line and metrics
 * to the registry {@code STRIDE_METRICS} chooses, rate limits); each erased message runs in the
 * trace of the event that asked for it ({@link TracedQueueFunction}).
 */
public final class ProfilesGcpApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  /**
   * The data eraser as a {@code Consumer<QueueMessage>} for one pushed Pub/Sub message, over the
   * same instance as {@value ProfilesFunctions#USER_ERASER}.
   */
  public static final String USER_ERASER_MESSAGE =
      ProfilesFunctions.USER_ERASER + GcpFunctions.MESSAGE_SUFFIX;

  @Override
  public void initialize(GenericApplicationContext context) {
    Env env = Env.system();
    ProfilesGcpConfig config = ProfilesGcpConfig.fromEnv(env);
    Clock clock = Clock.systemUTC();

    context.registerBean(
        FirestoreProfileStore.class,
        () ->
            new FirestoreProfileStore(
                FirestoreClients.create(config.firestore()), config.region(), clock));
    context.registerBean(
        PubSubEventPublisher.class, () -> new PubSubEventPublisher(config.events()));

    StrideFunctions.registerHttp(
        context,
        ProfilesFunctions.NAME,
        () ->
            EdgeHttp.around(
                ProfilesFunctions.http(
                    context.getBean(FirestoreProfileStore.class),
                    context.getBean(PubSubEventPublisher.class),
                    TokenVerifiers.fromEnv(env, clock),
                    config.region(),
                    clock),
                env,
                FunctionMetrics.fromEnv(env)));
    GcpFunctions.registerSchedule(
        context,
        ProfilesFunctions.OUTBOX_RELAY,
        () ->
            ProfilesFunctions.outboxRelay(
                context.getBean(FirestoreProfileStore.class),
                context.getBean(PubSubEventPublisher.class),
                config.region()));
    registerUserEraser(context, config, clock);
  }

  /** The eraser's batch function, built once on first use, and its single-message face. */
  private static void registerUserEraser(
      GenericApplicationContext context, ProfilesGcpConfig config, Clock clock) {
    GcpFunctions.registerQueue(
        context,
        ProfilesFunctions.USER_ERASER,
        () ->
            new TracedQueueFunction(
                new ServiceIdentity(config.region().value(), ProfilesFunctions.USER_ERASER),
                ProfilesFunctions.userEraser(
                    context.getBean(FirestoreProfileStore.class),
                    context.getBean(PubSubEventPublisher.class),
                    config.region(),
                    clock)));
  }
}
