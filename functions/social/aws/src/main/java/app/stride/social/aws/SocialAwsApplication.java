package app.stride.social.aws;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.aws.lambda.AwsFunctions;
import app.stride.aws.lambda.LambdaMetrics;
import app.stride.aws.secrets.SecretsOverlay;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.core.store.CursorSeal;
import app.stride.edge.function.EdgeHttp;
import app.stride.edge.function.TracedQueueFunction;
import app.stride.edge.observability.ServiceIdentity;
import app.stride.social.SocialFunctions;
import app.stride.social.SocialFunctions.Realtime;
import app.stride.social.application.port.out.MessageDeliveryPort;
import app.stride.social.application.port.out.SocialStores;
import app.stride.social.aws.adapter.in.apigateway.WebSocketEventFunction;
import app.stride.social.aws.adapter.out.apigateway.ManagementApiPush;
import app.stride.social.aws.adapter.out.dynamodb.DynamoConnectionRegistry;
import app.stride.social.aws.adapter.out.dynamodb.DynamoSocialStores;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The social Lambda deployable ({@code MAIN_CLASS}). Spring Cloud Function's {@code
 * FunctionInvoker} starts it functionally and calls one of:
 *
 * <ul>
 *   <li>{@code socialHttp}: API Gateway HTTP API v2 events of the groups and chat routes, served
 *       through the edge ({@link EdgeHttp}: request line and metrics, origin check, rate limits,
 *       the {@code chat-send} class included); the neutral bean {@code social} alongside;
 *   <li>{@value #REALTIME}: the WebSocket API's {@code $connect}, {@code $disconnect} and {@code
 *       $default} events (the chat channel);
 *   <li>{@code socialUserEraserQueue}: SQS batches of {@code app.stride.user.v1.deleted} events
 *       (the data eraser), answering {@code batchItemFailures} for the messages that failed; each
 *       erased message runs in the trace of the event that asked for it ({@link
 *       TracedQueueFunction}). It needs neither the token keys nor the cursor key.
 * </ul>
 *
 * All three fan chat changes out to the region's connections through the management API when
 * {@value ManagementApiPush#ENDPOINT_ENV} is set (else nothing is delivered in real time). Clients,
 * stores and the token verifier are built on the first call that needs them and shared. The cursor
 * key arrives by ARN ({@code STRIDE_CURSOR_KEY_ARN}) and is read from Secrets Manager on first use
 * ({@link SecretsOverlay}); a value set already wins.
 */
public class SocialAwsApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {
  /** The bean of the WebSocket API's routes (a second Lambda from the same jar). */
  public static final String REALTIME = SocialFunctions.NAME + "Realtime";

  /** The secrets read by ARN. */
  static final List<String> SECRETS = List.of(CursorSeal.KEY_ENV);

  @Override
  public void initialize(GenericApplicationContext context) {
    Env env = Env.system();
    Supplier<Env> secrets = SecretsOverlay.byArn(SECRETS).onFirstUse(env);
    SocialAwsConfig config = SocialAwsConfig.fromEnv(env);
    Clock clock = Clock.systemUTC();
    Wiring wiring = new Wiring(config, env, clock);
    AwsFunctions.registerHttp(
        context,
        SocialFunctions.NAME,
        () ->
            EdgeHttp.around(
                SocialFunctions.http(
                    wiring.stores(),
                    wiring.realtime().map(Realtime::delivery).orElse(MessageDeliveryPort.NONE),
                    wiring.verifier(),
                    config.region(),
                    CursorSeal.fromEnv(secrets.get()),
                    clock),
                env,
                LambdaMetrics.fromEnv(env)));
    AwsFunctions.registerQueue(
        context,
        SocialFunctions.USER_ERASER,
        () ->
            new TracedQueueFunction(
                new ServiceIdentity(config.region().value(), SocialFunctions.USER_ERASER),
                SocialFunctions.userEraser(
                    wiring.stores(), wiring.fanOut(), config.region(), clock)));
    context.registerBean(
        REALTIME,
        FunctionRegistration.class,
        () ->
            new FunctionRegistration<>(
                    new WebSocketEventFunction(
                        () ->
                            wiring
                                .realtime()
                                .orElseThrow(
                                    () ->
                                        new IllegalStateException(
                                            ManagementApiPush.ENDPOINT_ENV + " is not set"))
                                .endpoint()),
                    REALTIME)
                .type(
                    ResolvableType.forClassWithGenerics(
                            Function.class,
                            APIGatewayV2WebSocketEvent.class,
                            APIGatewayV2WebSocketResponse.class)
                        .getType()));
  }

  /** What both functions share, built once on first use. */
  private static final class Wiring {
    private final SocialAwsConfig config;
    private final Env env;
    private final Clock clock;
    private SocialStores stores;
    private DynamoDbEnhancedClient enhanced;
    private TokenVerifier verifier;
    private Optional<Realtime> realtime;
    private Optional<ManagementApiPush> push;

    Wiring(SocialAwsConfig config, Env env, Clock clock) {
      this.config = config;
      this.env = env;
      this.clock = clock;
    }

    synchronized SocialStores stores() {
      if (stores == null) {
        DynamoDbClient client = DynamoDbClients.client(config.dynamoDb());
        enhanced = DynamoDbClients.enhanced(client);
        if (config.createTable()) {
          LocalTables.createIfMissing(
              DynamoSocialStores.table(enhanced, config.tableName()), client);
        }
        stores = DynamoSocialStores.on(enhanced, config.tableName());
      }
      return stores;
    }

    synchronized TokenVerifier verifier() {
      if (verifier == null) {
        verifier = TokenVerifiers.fromEnv(env, clock);
      }
      return verifier;
    }

    synchronized Optional<Realtime> realtime() {
      if (realtime == null) {
        SocialStores built = stores();
        realtime =
            push()
                .map(
                    management ->
                        SocialFunctions.realtime(
                            built,
                            new DynamoConnectionRegistry(enhanced, config.tableName()),
                            management,
                            verifier(),
                            config.region(),
                            clock));
      }
      return realtime;
    }

    /** The chat fan-out without the channel's entry (no token verifier): the eraser's. */
    synchronized MessageDeliveryPort fanOut() {
      SocialStores built = stores();
      return push()
          .map(
              management ->
                  SocialFunctions.fanOut(
                      built,
                      new DynamoConnectionRegistry(enhanced, config.tableName()),
                      management,
                      clock))
          .orElse(MessageDeliveryPort.NONE);
    }

    private synchronized Optional<ManagementApiPush> push() {
      if (push == null) {
        push =
            config
                .websocketEndpoint()
                .map(
                    endpoint ->
                        new ManagementApiPush(
                            ManagementApiPush.client(endpoint, config.dynamoDb().awsRegion())));
      }
      return push;
    }
  }
}
