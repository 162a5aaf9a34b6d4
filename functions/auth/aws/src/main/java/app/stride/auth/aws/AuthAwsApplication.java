package app.stride.auth.aws;

import app.stride.auth.AuthConfig;
import app.stride.auth.AuthFunctions;
import app.stride.auth.application.service.AuthServices;
import app.stride.auth.aws.adapter.out.dynamodb.AuthTableConfig;
import app.stride.auth.aws.adapter.out.dynamodb.DynamoAccountStore;
import app.stride.auth.aws.adapter.out.dynamodb.DynamoKeyRingStore;
import app.stride.auth.aws.adapter.out.dynamodb.DynamoOneTimeTokenStore;
import app.stride.auth.aws.adapter.out.dynamodb.DynamoSessionStore;
import app.stride.auth.aws.adapter.out.ses.SesMailSender;
import app.stride.auth.aws.adapter.out.ses.SesMailSettings;
import app.stride.auth.mail.MailPort;
import app.stride.auth.mail.smtp.SmtpConfig;
import app.stride.auth.mail.smtp.SmtpMailSender;
import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.aws.lambda.AwsFunctions;
import app.stride.aws.lambda.LambdaMetrics;
import app.stride.aws.secrets.SecretsOverlay;
import app.stride.aws.sqs.SqsClients;
import app.stride.aws.sqs.SqsEventPublisher;
import app.stride.aws.sqs.SqsSettings;
import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.directory.http.HttpDirectory;
import app.stride.edge.function.EdgeHttp;
import app.stride.edge.resilience.OutboundCalls;
import app.stride.edge.resilience.ResilientDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The auth Lambda deployable ({@code MAIN_CLASS}). {@code FunctionInvoker} starts it functionally
 * and calls the function infra names in {@code SPRING_CLOUD_FUNCTION_DEFINITION}:
 *
 * <ul>
 *   <li>{@code authHttp}: API Gateway HTTP API v2 events for the {@code auth} routes;
 *   <li>{@code authKeyRotationSchedule}: EventBridge Scheduler ticks of the signing-key rotation;
 *   <li>{@code authDeletionRelaySchedule}: ticks of the account-deletion event relay.
 * </ul>
 *
 * Secrets arrive by ARN ({@code <NAME>_ARN}) and are read from Secrets Manager once, on first use
 * ({@link SecretsOverlay}, {@link #SECRETS}). Mail goes through SES v2, or through SMTP where
 * {@code STRIDE_SMTP_HOST} is set (the local platform's mail server).
 *
 * <p>The HTTP function is served through the edge ({@link EdgeHttp}): one request log line and the
 * request metrics, the CloudFront origin check ({@code STRIDE_ORIGIN_VERIFY_SECRET}) and the rate
 * limits of the auth routes.
 */
public class AuthAwsApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  /** The secrets the auth function reads by ARN; a value already set wins. */
  static final List<String> SECRETS =
      List.of("STRIDE_DIRECTORY_SECRET", "STRIDE_DIRECTORY_API_SECRET", "STRIDE_SMTP_PASSWORD");

  @Override
  public void initialize(GenericApplicationContext context) {
    Clock clock = Clock.systemUTC();
    Wiring wiring = new Wiring(Env.system(), clock);
    AwsFunctions.registerHttp(
        context,
        AuthFunctions.NAME,
        () ->
            EdgeHttp.around(
                AuthFunctions.http(
                    wiring.services(),
                    TokenVerifiers.fromEnv(wiring.env(), clock),
                    wiring.config()),
                wiring.env(),
                wiring.meters()));
    AwsFunctions.registerSchedule(
        context, AuthFunctions.KEY_ROTATION, () -> AuthFunctions.keyRotation(wiring.services()));
    AwsFunctions.registerSchedule(
        context,
        AuthFunctions.DELETION_RELAY,
        () -> AuthFunctions.deletionRelay(wiring.services()));
  }

  /** The configuration and every adapter, built once, on first use. */
  static final class Wiring {
    private final Env raw;
    private final Clock clock;
    private Env env;
    private AuthConfig config;
    private AuthServices services;
    private MeterRegistry meters;

    Wiring(Env raw, Clock clock) {
      this.raw = raw;
      this.clock = clock;
    }

    synchronized Env env() {
      if (env == null) {
        env = SecretsOverlay.byArn(SECRETS).resolve(raw);
      }
      return env;
    }

    synchronized AuthConfig config() {
      if (config == null) {
        config = AuthConfig.from(env());
      }
      return config;
    }

    /** Where the edge's meters go: {@code STRIDE_METRICS} ({@link LambdaMetrics}). */
    synchronized MeterRegistry meters() {
      if (meters == null) {
        meters = LambdaMetrics.fromEnv(env());
      }
      return meters;
    }

    synchronized AuthServices services() {
      if (services == null) {
        Env env = env();
        AuthTableConfig table = AuthTableConfig.fromEnv(env);
        DynamoDbClient client = DynamoDbClients.client(DynamoDbSettings.fromEnv(env));
        DynamoDbEnhancedClient enhanced = DynamoDbClients.enhanced(client);
        DynamoAccountStore accounts = new DynamoAccountStore(enhanced, table, clock);
        if (env.flag("STRIDE_CREATE_TABLES")
            && env.optional(DynamoDbSettings.ENDPOINT_ENV).isPresent()) {
          LocalTables.createIfMissing(accounts.table(), client);
        }
        AuthFunctions.RegionStores stores =
            new AuthFunctions.RegionStores(
                accounts,
                new DynamoSessionStore(enhanced, table),
                new DynamoOneTimeTokenStore(enhanced, table),
                new DynamoKeyRingStore(enhanced, table, clock));
        SqsSettings sqs = SqsSettings.fromEnv(env);
        services =
            AuthFunctions.services(
                config(),
                stores,
                directory(env),
                mail(env),
                new SqsEventPublisher(SqsClients.client(sqs), sqs.queueUrl()),
                clock);
      }
      return services;
    }

    /**
     * The global directory over HTTP behind its breaker, time limit and bulkhead: when the
     * directory fails, sign-up and sign-in answer 503 with Retry-After at once.
     */
    private DirectoryPort directory(Env env) {
      OutboundCalls calls =
          OutboundCalls.builder(meters())
              .dependency(ResilientDirectory.defaultPolicy(), ResilientDirectory::countsAsFailure)
              .build();
      return new ResilientDirectory(HttpDirectory.fromEnv(env, clock), calls);
    }

    private static MailPort mail(Env env) {
      if (env.optional("STRIDE_SMTP_HOST").isPresent()) {
        return new SmtpMailSender(SmtpConfig.fromEnv(env));
      }
      return SesMailSender.create(SesMailSettings.fromEnv(env));
    }
  }
}
