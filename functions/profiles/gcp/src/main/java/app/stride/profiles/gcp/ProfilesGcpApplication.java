package app.stride.profiles.gcp;

import app.stride.core.auth.TokenVerifier;
import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.core.function.StrideFunctions;
import app.stride.core.trigger.ScheduledTick;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.pubsub.PubSubEventPublisher;
import app.stride.profiles.ProfilesFunctions;
import app.stride.profiles.gcp.adapter.out.firestore.FirestoreProfileStore;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * Wires the profiles capability on Google Cloud by functional bean registration (no scanning): the
 * configuration is read once from the environment, the Firestore store, the Pub/Sub publisher and
 * the token verifier become singletons (closed with the context), and the two functions are
 * registered: {@value ProfilesFunctions#NAME} (HTTP) and {@value ProfilesFunctions#OUTBOX_RELAY}
 * (schedule).
 */
public final class ProfilesGcpApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  @Override
  public void initialize(GenericApplicationContext context) {
    Env env = Env.system();
    ProfilesGcpConfig config = ProfilesGcpConfig.fromEnv(env);
    Clock clock = Clock.systemUTC();

    context.registerBean(
        FirestoreProfileStore.class,
        () ->
            new FirestoreProfileStore(
                FirestoreClients.create(config.firestore()), config.region(), clock));
    context.registerBean(
        PubSubEventPublisher.class, () -> new PubSubEventPublisher(config.events()));
    context.registerBean(TokenVerifier.class, () -> TokenVerifiers.fromEnv(env, clock));

    StrideFunctions.registerHttp(
        context,
        ProfilesFunctions.NAME,
        () ->
            ProfilesFunctions.http(
                context.getBean(FirestoreProfileStore.class),
                context.getBean(PubSubEventPublisher.class),
                context.getBean(TokenVerifier.class),
                config.region(),
                clock));
    context.registerBean(
        ProfilesFunctions.OUTBOX_RELAY,
        FunctionRegistration.class,
        () ->
            new FunctionRegistration<>(
                    ProfilesFunctions.outboxRelay(
                        context.getBean(FirestoreProfileStore.class),
                        context.getBean(PubSubEventPublisher.class),
                        config.region()),
                    ProfilesFunctions.OUTBOX_RELAY)
                .type(
                    ResolvableType.forClassWithGenerics(Consumer.class, ScheduledTick.class)
                        .getType()));
  }
}
