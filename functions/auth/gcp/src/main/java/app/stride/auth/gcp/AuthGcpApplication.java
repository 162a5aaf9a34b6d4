package app.stride.auth.gcp;

import app.stride.auth.AuthConfig;
import app.stride.auth.AuthFunctions;
import app.stride.auth.application.service.AuthServices;
import app.stride.auth.gcp.adapter.out.firestore.AuthFirestoreConfig;
import app.stride.auth.gcp.adapter.out.firestore.AuthFirestoreStores;
import app.stride.auth.mail.smtp.SmtpConfig;
import app.stride.auth.mail.smtp.SmtpMailSender;
import app.stride.core.auth.TokenVerifiers;
import app.stride.core.config.Env;
import app.stride.core.directory.http.HttpDirectory;
import app.stride.core.function.StrideFunctions;
import app.stride.core.trigger.ScheduledTick;
import app.stride.gcp.pubsub.PubSubConfig;
import app.stride.gcp.pubsub.PubSubEventPublisher;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * Wires the auth capability on Google Cloud by functional registration: the HTTP function {@value
 * AuthFunctions#NAME} and the scheduled jobs {@value AuthFunctions#KEY_ROTATION} and {@value
 * AuthFunctions#DELETION_RELAY}. Every adapter is built on first use, so a scheduled entry never
 * pays for the spec or the token verifier. Secrets reach the function as environment variables
 * mounted from Secret Manager by infra; mail goes through the SMTP relay.
 */
public final class AuthGcpApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  @Override
  public void initialize(GenericApplicationContext context) {
    Env env = Env.system();
    Clock clock = Clock.systemUTC();
    Wiring wiring = new Wiring(env, clock);
    StrideFunctions.registerHttp(
        context, AuthFunctions.NAME, () -> new BuiltOnFirstRequest(wiring, env, clock));
    schedule(context, AuthFunctions.KEY_ROTATION, tick -> wiring.keyRotation().accept(tick));
    schedule(context, AuthFunctions.DELETION_RELAY, tick -> wiring.deletionRelay().accept(tick));
  }

  private static void schedule(
      GenericApplicationContext context, String name, Consumer<ScheduledTick> job) {
    context.registerBean(
        name,
        FunctionRegistration.class,
        () ->
            new FunctionRegistration<>(job, name)
                .type(
                    ResolvableType.forClassWithGenerics(Consumer.class, ScheduledTick.class)
                        .getType()));
  }

  /**
   * The HTTP function, built on its first request: the scheduled entries start this context too and
   * need neither the spec nor the token verifier's configuration.
   */
  private static final class BuiltOnFirstRequest
      implements java.util.function.Function<
          app.stride.core.http.ApiRequest, app.stride.core.http.ApiResponse> {
    private final Wiring wiring;
    private final Env env;
    private final Clock clock;
    private java.util.function.Function<
            app.stride.core.http.ApiRequest, app.stride.core.http.ApiResponse>
        http;

    BuiltOnFirstRequest(Wiring wiring, Env env, Clock clock) {
      this.wiring = wiring;
      this.env = env;
      this.clock = clock;
    }

    @Override
    public synchronized app.stride.core.http.ApiResponse apply(
        app.stride.core.http.ApiRequest request) {
      if (http == null) {
        http =
            AuthFunctions.http(
                wiring.services(), TokenVerifiers.fromEnv(env, clock), wiring.config());
      }
      return http.apply(request);
    }
  }

  /** The configuration and every adapter, built once, on first use. */
  static final class Wiring {
    private final Env env;
    private final Clock clock;
    private AuthConfig config;
    private AuthServices services;

    Wiring(Env env, Clock clock) {
      this.env = env;
      this.clock = clock;
    }

    synchronized AuthConfig config() {
      if (config == null) {
        config = AuthConfig.from(env);
      }
      return config;
    }

    synchronized AuthServices services() {
      if (services == null) {
        AuthFirestoreStores stores =
            AuthFirestoreStores.open(AuthFirestoreConfig.fromEnv(env), clock);
        services =
            AuthFunctions.services(
                config(),
                new AuthFunctions.RegionStores(
                    stores.accounts(),
                    stores.sessions(),
                    stores.oneTimeTokens(),
                    stores.keyRings()),
                HttpDirectory.fromEnv(env, clock),
                new SmtpMailSender(SmtpConfig.fromEnv(env)),
                new PubSubEventPublisher(PubSubConfig.fromEnv(env)),
                clock);
      }
      return services;
    }

    Consumer<ScheduledTick> keyRotation() {
      return AuthFunctions.keyRotation(services());
    }

    Consumer<ScheduledTick> deletionRelay() {
      return AuthFunctions.deletionRelay(services());
    }
  }
}
