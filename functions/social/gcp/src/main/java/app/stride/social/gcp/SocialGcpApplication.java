package app.stride.social.gcp;

import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.core.function.StrideFunctions;
import app.stride.core.store.CursorSeal;
import app.stride.edge.function.EdgeHttp;
import app.stride.edge.function.TracedQueueFunction;
import app.stride.edge.observability.ServiceIdentity;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.functions.FunctionMetrics;
import app.stride.gcp.functions.GcpFunctions;
import app.stride.social.SocialFunctions;
import app.stride.social.application.port.out.MessageDeliveryPort;
import app.stride.social.application.port.out.SocialStores;
import app.stride.social.gcp.adapter.out.firestore.FirestoreConnectionRegistry;
import app.stride.social.gcp.adapter.out.firestore.FirestoreSocialStores;
import app.stride.social.gcp.realtime.ChatServer;
import app.stride.social.gcp.realtime.ChatServerPush;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Wires the social capability on Google Cloud by functional bean registration: configuration read
 * once from the environment, one Firestore client (built when a function first asks, closed with
 * the context) under the Firestore stores of both functions, the HTTP function {@value
 * SocialFunctions#NAME}, served through the edge ({@link EdgeHttp}: request line and metrics, rate
 * limits including {@code chat-send}), and the data eraser {@value SocialFunctions#USER_ERASER}
 * with its Pub/Sub face {@value #USER_ERASER_MESSAGE}, each erased message in the trace of the
 * event that asked for it ({@link TracedQueueFunction}). Each function is built on its first call,
 * so the eraser, given neither the token settings nor the cursor key ({@code STRIDE_CURSOR_KEY}),
 * never builds what needs them. Both functions fan chat changes out to the region's connections
 * (the Firestore registry) through the {@link ChatServer}'s internal push when {@value
 * ChatServerPush#URL_ENV} is set ({@link ChatServerPush}); else nothing is delivered in real time
 * ({@link MessageDeliveryPort#NONE}).
 */
public final class SocialGcpApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  /**
   * The data eraser as a {@code Consumer<QueueMessage>} for one pushed Pub/Sub message, over the
   * same instance as {@value SocialFunctions#USER_ERASER}.
   */
  public static final String USER_ERASER_MESSAGE =
      SocialFunctions.USER_ERASER + GcpFunctions.MESSAGE_SUFFIX;

  @Override
  public void initialize(GenericApplicationContext context) {
    Env env = Env.system();
    SocialGcpConfig config = SocialGcpConfig.fromEnv(env);
    Clock clock = Clock.systemUTC();

    context.registerBean(
        Firestore.class,
        () -> FirestoreClients.create(config.firestore()),
        bd -> bd.setLazyInit(true));
    StrideFunctions.registerHttp(
        context,
        SocialFunctions.NAME,
        () -> {
          Firestore firestore = context.getBean(Firestore.class);
          SocialStores stores = FirestoreSocialStores.on(firestore);
          return EdgeHttp.around(
              SocialFunctions.http(
                  stores,
                  delivery(env, stores, firestore, clock),
                  TokenVerifiers.fromEnv(env, clock),
                  config.region(),
                  CursorSeal.fromEnv(env),
                  clock),
              env,
              FunctionMetrics.fromEnv(env));
        });
    GcpFunctions.registerQueue(
        context,
        SocialFunctions.USER_ERASER,
        () -> {
          Firestore firestore = context.getBean(Firestore.class);
          SocialStores stores = FirestoreSocialStores.on(firestore);
          return new TracedQueueFunction(
              new ServiceIdentity(config.region().value(), SocialFunctions.USER_ERASER),
              SocialFunctions.userEraser(
                  stores, delivery(env, stores, firestore, clock), config.region(), clock));
        });
  }

  /**
   * The chat fan-out through the chat server's internal push ({@value ChatServerPush#URL_ENV} and
   * its secret), else {@link MessageDeliveryPort#NONE}; it needs no token verifier.
   */
  private static MessageDeliveryPort delivery(
      Env env, SocialStores stores, Firestore firestore, Clock clock) {
    return ChatServerPush.fromEnv(env)
        .map(
            push ->
                SocialFunctions.fanOut(
                    stores, new FirestoreConnectionRegistry(firestore), push, clock))
        .orElse(MessageDeliveryPort.NONE);
  }
}
