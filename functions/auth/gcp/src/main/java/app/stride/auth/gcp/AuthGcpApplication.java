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
import app.stride.core.directory.DirectoryPort;
import app.stride.core.directory.http.HttpDirectory;
import app.stride.core.function.StrideFunctions;
import app.stride.core.trigger.ScheduledTick;
import app.stride.edge.function.EdgeHttp;
import app.stride.edge.resilience.OutboundCalls;
import app.stride.edge.resilience.ResilientDirectory;
import app.stride.gcp.functions.FunctionMetrics;
import app.stride.gcp.functions.GcpFunctions;
import app.stride.gcp.pubsub.PubSubConfig;
import app.stride.gcp.pubsub.PubSubEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Wires the auth capability on Google Cloud by functional registration: the HTTP function {@value
 * AuthFunctions#NAME} and the scheduled jobs {@value AuthFunctions#KEY_ROTATION} and {@value
 * AuthFunctions#DELETION_RELAY}. Every adapter is built on first use, so a scheduled entry never
 * pays for the spec or the token verifier. Secrets reach the function as environment variables
 * mounted from Secret Manager by infra; mail goes through the SMTP relay.
 *
 * <p>The HTTP function is served through the edge ({@link EdgeHttp}): one request log line and the
 * request metrics ({@code STRIDE_METRICS}, {@link FunctionMetrics}) and the rate limits of the auth
 * routes.
 */
public final class AuthGcpApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  @Override
  public void initialize(GenericApplicationContext context) {
    Env env = Env.system();
    Clock clock = Clock.systemUTC();
    Wiring wiring = new Wiring(env, clock);
    StrideFunctions.registerHttp(
        context,
        AuthFunctions.NAME,
        () ->
            EdgeHttp.around(
                AuthFunctions.http(
                    wiring.services(), TokenVerifiers.fromEnv(env, clock), wiring.config()),
                env,
                wiring.meters()));
    GcpFunctions.registerSchedule(
        context, AuthFunctions.KEY_ROTATION, () -> tick -> wiring.keyRotation().accept(tick));
    GcpFunctions.registerSchedule(
        context, AuthFunctions.DELETION_RELAY, () -> tick -> wiring.deletionRelay().accept(tick));
  }

  /** The configuration and every adapter, built once, on first use. */
  static final class Wiring {
    private final Env env;
    private final Clock clock;
    private AuthConfig config;
    private AuthServices services;
    private MeterRegistry meters;

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

    /** Where the edge's meters go: {@code STRIDE_METRICS} ({@link FunctionMetrics}). */
    synchronized MeterRegistry meters() {
      if (meters == null) {
        meters = FunctionMetrics.fromEnv(env);
      }
      return meters;
    }

    /**
     * The global directory over HTTP behind its breaker, time limit and bulkhead: when the
     * directory fails, sign-up and sign-in answer 503 with Retry-After at once.
     */
    private DirectoryPort directory() {
      OutboundCalls calls =
          OutboundCalls.builder(meters())
              .dependency(ResilientDirectory.defaultPolicy(), ResilientDirectory::countsAsFailure)
              .build();
      return new ResilientDirectory(HttpDirectory.fromEnv(env, clock), calls);
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
                directory(),
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
