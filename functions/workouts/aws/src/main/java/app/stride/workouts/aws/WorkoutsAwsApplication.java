package app.stride.workouts.aws;

import app.stride.aws.dynamodb.CursorCodec;
import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.aws.lambda.AwsFunctions;
import app.stride.aws.lambda.LambdaMetrics;
import app.stride.aws.secrets.SecretsOverlay;
import app.stride.aws.sqs.SqsClients;
import app.stride.aws.sqs.SqsEventPublisher;
import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.edge.function.EdgeHttp;
import app.stride.edge.function.TracedQueueFunction;
import app.stride.edge.observability.ServiceIdentity;
import app.stride.workouts.WorkoutsFunctions;
import app.stride.workouts.aws.adapter.out.dynamodb.DynamoUnitPreferences;
import app.stride.workouts.aws.adapter.out.dynamodb.DynamoWorkoutEraser;
import app.stride.workouts.aws.adapter.out.dynamodb.DynamoWorkoutStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The workouts Lambda deployable ({@code MAIN_CLASS}). Spring Cloud Function's {@code
 * FunctionInvoker} starts it functionally and calls the function infra names in {@code
 * SPRING_CLOUD_FUNCTION_DEFINITION}:
 *
 * <ul>
 *   <li>{@code workoutsHttp}: API Gateway HTTP API v2 events for {@code /v1/me/workouts/**};
 *   <li>{@code workoutsOutboxRelaySchedule}: EventBridge Scheduler ticks of the outbox relay;
 *   <li>{@code workoutsUserEraserQueue}: SQS batches of {@code app.stride.user.v1.deleted} events
 *       (the data eraser, over {@link DynamoWorkoutEraser} alone: it reads no cursor key),
 *       answering {@code batchItemFailures} for the messages that failed, each in the trace of the
 *       event that asked for it ({@link TracedQueueFunction}).
 * </ul>
 *
 * The neutral beans {@code workouts}, {@code workoutsOutboxRelay} and {@code workoutsUserEraser}
 * are registered alongside. Clients are built when the invoked function is first used; the HTTP
 * function is served through the edge ({@link EdgeHttp}). The cursor key arrives by ARN ({@code
 * STRIDE_CURSOR_KEY_ARN}) and is read from Secrets Manager on first use ({@link SecretsOverlay}); a
 * value set already wins.
 */
public class WorkoutsAwsApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  /** The secrets read by ARN. */
  static final List<String> SECRETS = List.of(CursorCodec.KEY_ENV);

  @Override
  public void initialize(GenericApplicationContext context) {
    Env env = Env.system();
    WorkoutsAwsConfig config = WorkoutsAwsConfig.fromEnv(env);
    Clock clock = Clock.systemUTC();
    Adapters adapters =
        new Adapters(config, env, SecretsOverlay.byArn(SECRETS).onFirstUse(env), clock);
    AwsFunctions.registerHttp(
        context,
        WorkoutsFunctions.NAME,
        () ->
            EdgeHttp.around(
                WorkoutsFunctions.http(
                    adapters.store(),
                    adapters.units(),
                    adapters.events(),
                    TokenVerifiers.fromEnv(env, clock),
                    config.region(),
                    clock),
                env,
                adapters.meters()));
    AwsFunctions.registerSchedule(
        context,
        WorkoutsFunctions.OUTBOX_RELAY,
        () -> WorkoutsFunctions.outboxRelay(adapters.store(), adapters.events(), config.region()));
    AwsFunctions.registerQueue(
        context,
        WorkoutsFunctions.USER_ERASER,
        () ->
            new TracedQueueFunction(
                new ServiceIdentity(config.region().value(), WorkoutsFunctions.USER_ERASER),
                WorkoutsFunctions.userEraser(adapters.eraser(), config.region())));
  }

  /**
   * The clients, the store, the publisher and the meter registry, each built once, on first use.
   */
  static final class Adapters {
    private final WorkoutsAwsConfig config;
    private final Env env;
    private final Supplier<Env> secrets;
    private final Clock clock;
    private DynamoDbClient client;
    private DynamoWorkoutStore store;
    private DynamoUnitPreferences units;
    private SqsEventPublisher events;
    private MeterRegistry meters;

    Adapters(WorkoutsAwsConfig config, Env env, Supplier<Env> secrets, Clock clock) {
      this.config = config;
      this.env = env;
      this.secrets = secrets;
      this.clock = clock;
    }

    synchronized MeterRegistry meters() {
      if (meters == null) {
        meters = LambdaMetrics.fromEnv(env);
      }
      return meters;
    }

    synchronized DynamoWorkoutStore store() {
      if (store == null) {
        store =
            new DynamoWorkoutStore(
                DynamoDbClients.enhanced(client()),
                config.tableName(),
                CursorCodec.fromEnv(secrets.get()),
                config.region(),
                clock);
        if (config.createTable()) {
          LocalTables.createIfMissing(store.table(), client());
        }
      }
      return store;
    }

    /**
     * The eraser's store: the table alone, no cursor key. Only where the function may create its
     * table (the local platform, which gives every function of the jar the same variables, the
     * cursor key among them) is the full store built first, to create the table with its indexes.
     */
    synchronized DynamoWorkoutEraser eraser() {
      if (config.createTable()) {
        store();
      }
      return new DynamoWorkoutEraser(
          DynamoDbClients.enhanced(client()), config.tableName(), config.region());
    }

    synchronized DynamoUnitPreferences units() {
      if (units == null) {
        units = new DynamoUnitPreferences(client(), config.profilesTable(), config.region());
      }
      return units;
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
