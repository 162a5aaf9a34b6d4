package app.stride.planner.gcp;

import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.core.function.StrideFunctions;
import app.stride.edge.function.EdgeHttp;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.functions.FunctionMetrics;
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
 * through the edge ({@link EdgeHttp}: request log line and metrics, rate limits).
 */
public final class PlannerGcpApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

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
  }
}
