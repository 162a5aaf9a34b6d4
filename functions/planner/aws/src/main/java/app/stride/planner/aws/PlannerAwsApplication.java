package app.stride.planner.aws;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.aws.lambda.AwsFunctions;
import app.stride.aws.lambda.LambdaMetrics;
import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.edge.function.EdgeHttp;
import app.stride.edge.function.TracedQueueFunction;
import app.stride.edge.observability.ServiceIdentity;
import app.stride.planner.PlannerFunctions;
import app.stride.planner.adapter.out.library.ClasspathPlanLibrary;
import app.stride.planner.aws.adapter.out.dynamodb.DynamoCalendarFeedStore;
import app.stride.planner.aws.adapter.out.dynamodb.DynamoMyPlanStore;
import app.stride.planner.aws.adapter.out.dynamodb.DynamoWorkoutSummaries;
import java.time.Clock;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The planner Lambda deployable ({@code MAIN_CLASS}). Spring Cloud Function's {@code
 * FunctionInvoker} starts it functionally (no scanning, no auto-configuration) and calls the
 * function infra names in {@code SPRING_CLOUD_FUNCTION_DEFINITION}:
 *
 * <ul>
 *   <li>{@code plannerHttp}: API Gateway HTTP API v2 events, served through the edge ({@link
 *       EdgeHttp}: request log line and metrics, the CloudFront origin check, rate limits);
 *   <li>{@code plannerUserEraserQueue}: SQS batches of {@code app.stride.user.v1.deleted} events
 *       (the data eraser), answering {@code batchItemFailures} for the messages that failed; each
 *       erased message runs in the trace of the event that asked for it ({@link
 *       TracedQueueFunction}).
 * </ul>
 *
 * The neutral beans {@code planner} and {@code plannerUserEraser} are registered alongside. Each
 * function, its DynamoDB clients and the plan library are built on the function's first call; the
 * eraser needs none of the HTTP function's token keys, workouts table or plan library.
 */
public class PlannerAwsApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  @Override
  public void initialize(GenericApplicationContext context) {
    Env env = Env.system();
    PlannerAwsConfig config = PlannerAwsConfig.fromEnv(env);
    Clock clock = Clock.systemUTC();
    AwsFunctions.registerHttp(
        context,
        PlannerFunctions.NAME,
        () -> {
          Stores stores = Stores.of(config);
          return EdgeHttp.around(
              PlannerFunctions.http(
                  ClasspathPlanLibrary.load(),
                  stores.plans(),
                  stores.feeds(),
                  new DynamoWorkoutSummaries(
                      stores.enhanced(), config.workoutsTable(), config.region()),
                  TokenVerifiers.fromEnv(env, clock),
                  config.region(),
                  config.publicApiUrl(),
                  clock),
              env,
              LambdaMetrics.fromEnv(env));
        });
    AwsFunctions.registerQueue(
        context,
        PlannerFunctions.USER_ERASER,
        () -> {
          Stores stores = Stores.of(config);
          return new TracedQueueFunction(
              new ServiceIdentity(config.region().value(), PlannerFunctions.USER_ERASER),
              PlannerFunctions.userEraser(stores.plans(), stores.feeds(), config.region()));
        });
  }

  /** The planner table's two stores over one client; the table created first where allowed. */
  private record Stores(
      DynamoDbEnhancedClient enhanced, DynamoMyPlanStore plans, DynamoCalendarFeedStore feeds) {
    static Stores of(PlannerAwsConfig config) {
      DynamoDbClient client = DynamoDbClients.client(config.dynamoDb());
      DynamoDbEnhancedClient enhanced = DynamoDbClients.enhanced(client);
      DynamoMyPlanStore plans =
          new DynamoMyPlanStore(enhanced, config.tableName(), config.region());
      if (config.createTable()) {
        LocalTables.createIfMissing(plans.table(), client);
      }
      return new Stores(
          enhanced,
          plans,
          new DynamoCalendarFeedStore(enhanced, config.tableName(), config.region()));
    }
  }
}
