package app.stride.social.gcp;

import app.stride.core.auth.TokenVerifier;
import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.core.function.StrideFunctions;
import app.stride.core.store.CursorSeal;
import app.stride.edge.function.EdgeHttp;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.functions.FunctionMetrics;
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
 * once from the environment, the Firestore stores, and the HTTP function {@value
 * SocialFunctions#NAME} (created on its first lookup), served through the edge ({@link EdgeHttp}:
 * request line and metrics, rate limits including {@code chat-send}). Chat changes are fanned out
 * to the region's connections (the Firestore registry) through the {@link ChatServer}'s internal
 * push when {@value ChatServerPush#URL_ENV} is set ({@link ChatServerPush}); else nothing is
 * delivered in real time ({@link MessageDeliveryPort#NONE}).
 */
public final class SocialGcpApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  @Override
  public void initialize(GenericApplicationContext context) {
    Env env = Env.system();
    SocialGcpConfig config = SocialGcpConfig.fromEnv(env);
    Clock clock = Clock.systemUTC();
    StrideFunctions.registerHttp(
        context,
        SocialFunctions.NAME,
        () -> {
          Firestore firestore = FirestoreClients.create(config.firestore());
          SocialStores stores = FirestoreSocialStores.on(firestore);
          TokenVerifier verifier = TokenVerifiers.fromEnv(env, clock);
          MessageDeliveryPort delivery =
              ChatServerPush.fromEnv(env)
                  .<MessageDeliveryPort>map(
                      push ->
                          SocialFunctions.realtime(
                                  stores,
                                  new FirestoreConnectionRegistry(firestore),
                                  push,
                                  verifier,
                                  config.region(),
                                  clock)
                              .delivery())
                  .orElse(MessageDeliveryPort.NONE);
          return EdgeHttp.around(
              SocialFunctions.http(
                  stores, delivery, verifier, config.region(), CursorSeal.fromEnv(env), clock),
              env,
              FunctionMetrics.fromEnv(env));
        });
  }
}
