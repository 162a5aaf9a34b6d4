package app.stride.planner.gcp;

import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.core.function.StrideFunctions;
import app.stride.edge.function.EdgeHttp;
import app.stride.edge.function.TracedQueueFunction;
import app.stride.edge.observability.ServiceIdentity;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.functions.FunctionMetrics;
import app.stride.gcp.functions.GcpFunctions;
import app.stride.planner.PlannerFunctions;
import app.stride.planner.adapter.out.library.ClasspathPlanLibrary;
import app.stride.planner.gcp.adapter.out.firestore.FirestoreCalendarFeedStore;
import app.stride.planner.gcp.adapter.out.firestore.FirestoreMyPlanStore;
import app.stride.planner.gcp.adapter.out.firestore.FirestoreWorkoutSummaries;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Wires the planner on Google Cloud by functional bean registration (no scanning): the
 * configuration is read once from the environment, the Firestore client becomes a singleton (closed
 * with the context), and the HTTP function {@value PlannerFunctions#NAME} is registered, served
 * through the edge ({@link EdgeHttp}: request log line and metrics, rate limits), beside the data
 * eraser, as the neutral batch function {@value PlannerFunctions#USER_ERASER} and its Pub/Sub face
 * {@value #USER_ERASER_MESSAGE}; each erased message runs in the trace of the event that asked for
 * it ({@link TracedQueueFunction}). Each function is built on its first call.
 */
public final class PlannerGcpApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  /**
   * The data eraser as a {@code Consumer<QueueMessage>} for one pushed Pub/Sub message, over the
   * same instance as {@value PlannerFunctions#USER_ERASER}.
   */
  public static final String USER_ERASER_MESSAGE =
      PlannerFunctions.USER_ERASER + GcpFunctions.MESSAGE_SUFFIX;

  @Override
  public void initialize(GenericApplicationContext context) {
    Env env = Env.system();
    PlannerGcpConfig config = PlannerGcpConfig.fromEnv(env);
    Clock clock = Clock.systemUTC();

    context.registerBean(
        Firestore.class,
        () -> FirestoreClients.create(config.firestore()),
        bd -> bd.setDestroyMethodName("close"));
    StrideFunctions.registerHttp(
        context,
        PlannerFunctions.NAME,
        () -> {
          Firestore firestore = context.getBean(Firestore.class);
          return EdgeHttp.around(
              PlannerFunctions.http(
                  ClasspathPlanLibrary.load(),
                  new FirestoreMyPlanStore(firestore, config.region()),
                  new FirestoreCalendarFeedStore(firestore, config.region()),
                  new FirestoreWorkoutSummaries(firestore, config.region()),
                  TokenVerifiers.fromEnv(env, clock),
                  config.region(),
                  config.publicApiUrl(),
                  clock),
              env,
              FunctionMetrics.fromEnv(env));
        });
    GcpFunctions.registerQueue(
        context,
        PlannerFunctions.USER_ERASER,
        () -> {
          Firestore firestore = context.getBean(Firestore.class);
          return new TracedQueueFunction(
              new ServiceIdentity(config.region().value(), PlannerFunctions.USER_ERASER),
              PlannerFunctions.userEraser(
                  new FirestoreMyPlanStore(firestore, config.region()),
                  new FirestoreCalendarFeedStore(firestore, config.region()),
                  config.region()));
        });
  }
}
