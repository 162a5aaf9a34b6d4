package app.stride.planner.aws;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.aws.lambda.AwsFunctions;
import app.stride.aws.lambda.LambdaMetrics;
import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.edge.function.EdgeHttp;
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
 * FunctionInvoker} starts it functionally (no scanning, no auto-configuration) and calls {@code
 * plannerHttp} (API Gateway HTTP API v2 events) as infra names it in {@code
 * SPRING_CLOUD_FUNCTION_DEFINITION}; the neutral bean {@code planner} is registered alongside. The
 * function, its DynamoDB clients and the plan library are built on the first call, served through
 * the edge ({@link EdgeHttp}: request log line and metrics, the CloudFront origin check, rate
 * limits).
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
          DynamoDbClient client = DynamoDbClients.client(config.dynamoDb());
          DynamoDbEnhancedClient enhanced = DynamoDbClients.enhanced(client);
          DynamoMyPlanStore store =
              new DynamoMyPlanStore(enhanced, config.tableName(), config.region());
          if (config.createTable()) {
            LocalTables.createIfMissing(store.table(), client);
          }
          return EdgeHttp.around(
              PlannerFunctions.http(
                  ClasspathPlanLibrary.load(),
                  store,
                  new DynamoCalendarFeedStore(enhanced, config.tableName(), config.region()),
                  new DynamoWorkoutSummaries(enhanced, config.workoutsTable(), config.region()),
                  TokenVerifiers.fromEnv(env, clock),
                  config.region(),
                  config.publicApiUrl(),
                  clock),
              env,
              LambdaMetrics.fromEnv(env));
        });
  }
}
