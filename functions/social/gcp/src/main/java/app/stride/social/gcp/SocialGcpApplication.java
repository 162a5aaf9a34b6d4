package app.stride.social.gcp;

import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.core.function.StrideFunctions;
import app.stride.core.store.CursorSeal;
import app.stride.edge.function.EdgeHttp;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.functions.FunctionMetrics;
import app.stride.social.SocialFunctions;
import app.stride.social.application.port.out.MessageDeliveryPort;
import app.stride.social.gcp.adapter.out.firestore.FirestoreSocialStores;
import java.time.Clock;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Wires the social capability on Google Cloud by functional bean registration: configuration read
 * once from the environment, the Firestore stores, and the HTTP function {@value
 * SocialFunctions#NAME} (created on its first lookup), served through the edge ({@link EdgeHttp}:
 * request line and metrics, rate limits including {@code chat-send}). Real-time delivery is not
 * wired yet ({@link MessageDeliveryPort#NONE}).
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
        () ->
            EdgeHttp.around(
                SocialFunctions.http(
                    FirestoreSocialStores.on(FirestoreClients.create(config.firestore())),
                    MessageDeliveryPort.NONE,
                    TokenVerifiers.fromEnv(env, clock),
                    config.region(),
                    CursorSeal.fromEnv(env),
                    clock),
                env,
                FunctionMetrics.fromEnv(env)));
  }
}
