package app.stride.workouts.gcp;

import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.core.function.StrideFunctions;
import app.stride.edge.function.EdgeHttp;
import app.stride.edge.function.TracedQueueFunction;
import app.stride.edge.observability.ServiceIdentity;
import app.stride.gcp.firestore.CursorCodec;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.functions.FunctionMetrics;
import app.stride.gcp.functions.GcpFunctions;
import app.stride.gcp.pubsub.PubSubEventPublisher;
import app.stride.workouts.WorkoutsFunctions;
import app.stride.workouts.gcp.adapter.out.firestore.FirestoreUnitPreferences;
import app.stride.workouts.gcp.adapter.out.firestore.FirestoreWorkoutEraser;
import app.stride.workouts.gcp.adapter.out.firestore.FirestoreWorkoutStore;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Wires the workouts capability on Google Cloud by functional bean registration: configuration read
 * once from the environment, one Firestore client shared by the workout store and the unit
 * preferences, the Pub/Sub publisher, and the functions {@value WorkoutsFunctions#NAME} (HTTP,
 * built on its first request so the relay entry needs no token settings) and {@value
 * WorkoutsFunctions#OUTBOX_RELAY} (schedule), and the data eraser {@value
 * WorkoutsFunctions#USER_ERASER} with its Pub/Sub face {@value #USER_ERASER_MESSAGE}, built over
 * {@link FirestoreWorkoutEraser} alone (no cursor key), each erased message in the trace of the
 * event that asked for it ({@link TracedQueueFunction}).
 */
public final class WorkoutsGcpApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  /**
   * The data eraser as a {@code Consumer<QueueMessage>} for one pushed Pub/Sub message, over the
   * same instance as {@value WorkoutsFunctions#USER_ERASER}.
   */
  public static final String USER_ERASER_MESSAGE =
      WorkoutsFunctions.USER_ERASER + GcpFunctions.MESSAGE_SUFFIX;

  @Override
  public void initialize(GenericApplicationContext context) {
    Env env = Env.system();
    WorkoutsGcpConfig config = WorkoutsGcpConfig.fromEnv(env);
    Clock clock = Clock.systemUTC();

    context.registerBean(Firestore.class, () -> FirestoreClients.create(config.firestore()));
    context.registerBean(
        FirestoreWorkoutStore.class,
        () ->
            new FirestoreWorkoutStore(
                context.getBean(Firestore.class), CursorCodec.fromEnv(env), config.region(), clock),
        // Built when a function first asks: the eraser, which is not given the cursor key, never.
        bd -> bd.setLazyInit(true));
    context.registerBean(
        PubSubEventPublisher.class, () -> new PubSubEventPublisher(config.events()));

    StrideFunctions.registerHttp(
        context,
        WorkoutsFunctions.NAME,
        () ->
            EdgeHttp.around(
                WorkoutsFunctions.http(
                    context.getBean(FirestoreWorkoutStore.class),
                    new FirestoreUnitPreferences(context.getBean(Firestore.class), config.region()),
                    context.getBean(PubSubEventPublisher.class),
                    TokenVerifiers.fromEnv(env, clock),
                    config.region(),
                    clock),
                env,
                FunctionMetrics.fromEnv(env)));
    GcpFunctions.registerSchedule(
        context,
        WorkoutsFunctions.OUTBOX_RELAY,
        () ->
            WorkoutsFunctions.outboxRelay(
                context.getBean(FirestoreWorkoutStore.class),
                context.getBean(PubSubEventPublisher.class),
                config.region()));
    GcpFunctions.registerQueue(
        context,
        WorkoutsFunctions.USER_ERASER,
        () ->
            new TracedQueueFunction(
                new ServiceIdentity(config.region().value(), WorkoutsFunctions.USER_ERASER),
                WorkoutsFunctions.userEraser(
                    new FirestoreWorkoutEraser(context.getBean(Firestore.class), config.region()),
                    config.region())));
  }
}
