package app.stride.profiles.aws;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.aws.lambda.AwsFunctions;
import app.stride.aws.lambda.LambdaMetrics;
import app.stride.aws.sqs.SqsClients;
import app.stride.aws.sqs.SqsEventPublisher;
import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.edge.function.EdgeHttp;
import app.stride.edge.function.TracedQueueFunction;
import app.stride.edge.observability.ServiceIdentity;
import app.stride.profiles.ProfilesFunctions;
import app.stride.profiles.aws.adapter.out.dynamodb.DynamoProfileStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The profiles Lambda deployable ({@code MAIN_CLASS}). Spring Cloud Function's {@code
 * FunctionInvoker} starts it functionally (no scanning, no auto-configuration) and calls the
 * function infra names in {@code SPRING_CLOUD_FUNCTION_DEFINITION}:
 *
 * <ul>
 *   <li>{@code profilesHttp}: API Gateway HTTP API v2 events for {@code /v1/me/profile};
 *   <li>{@code profilesOutboxRelaySchedule}: EventBridge Scheduler ticks of the outbox relay;
 *   <li>{@code profilesUserEraserQueue}: SQS batches of {@code app.stride.user.v1.deleted} events
 *       (the data eraser), answering {@code batchItemFailures} for the messages that failed.
 * </ul>
 *
 * The neutral beans {@code profiles}, {@code profilesOutboxRelay} and {@code profilesUserEraser}
 * are registered alongside. Clients are built when the invoked function is first used, so each
 * Lambda pays only for what it serves.
 *
 * <p>The HTTP function is served through the edge ({@link EdgeHttp}: request log line and metrics,
 * the CloudFront origin check, rate limits); each erased message runs in the trace of the event
 * that asked for it ({@link TracedQueueFunction}).
 */
public class ProfilesAwsApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  @Override
  public void initialize(GenericApplicationContext context) {
    Env env = Env.system();
    ProfilesAwsConfig config = ProfilesAwsConfig.fromEnv(env);
    Clock clock = Clock.systemUTC();
    Adapters adapters = new Adapters(config, env, clock);
    AwsFunctions.registerHttp(
        context,
        ProfilesFunctions.NAME,
        () ->
            EdgeHttp.around(
                ProfilesFunctions.http(
                    adapters.store(),
                    adapters.events(),
                    TokenVerifiers.fromEnv(env, clock),
                    config.region(),
                    clock),
                env,
                adapters.meters()));
    AwsFunctions.registerSchedule(
        context,
        ProfilesFunctions.OUTBOX_RELAY,
        () -> ProfilesFunctions.outboxRelay(adapters.store(), adapters.events(), config.region()));
    AwsFunctions.registerQueue(
        context,
        ProfilesFunctions.USER_ERASER,
        () ->
            new TracedQueueFunction(
                new ServiceIdentity(config.region().value(), ProfilesFunctions.USER_ERASER),
                ProfilesFunctions.userEraser(
                    adapters.store(), adapters.events(), config.region(), clock)));
    SnapStartPriming.register(context);
  }

  /** The store, the publisher and the meter registry, each built once, on first use. */
  static final class Adapters {
    private final ProfilesAwsConfig config;
    private final Env env;
    private final Clock clock;
    private DynamoProfileStore store;
    private SqsEventPublisher events;
    private MeterRegistry meters;

    Adapters(ProfilesAwsConfig config, Env env, Clock clock) {
      this.config = config;
      this.env = env;
      this.clock = clock;
    }

    /** Where the edge's meters go: {@code STRIDE_METRICS} ({@link LambdaMetrics}). */
    synchronized MeterRegistry meters() {
      if (meters == null) {
        meters = LambdaMetrics.fromEnv(env);
      }
      return meters;
    }

    synchronized DynamoProfileStore store() {
      if (store == null) {
        DynamoDbClient client = DynamoDbClients.client(config.dynamoDb());
        store =
            new DynamoProfileStore(
                DynamoDbClients.enhanced(client), config.tableName(), config.region(), clock);
        if (config.createTable()) {
          LocalTables.createIfMissing(store.table(), client);
        }
      }
      return store;
    }

    synchronized SqsEventPublisher events() {
      if (events == null) {
        events = new SqsEventPublisher(SqsClients.client(config.sqs()), config.sqs().queueUrl());
      }
      return events;
    }
  }
}
