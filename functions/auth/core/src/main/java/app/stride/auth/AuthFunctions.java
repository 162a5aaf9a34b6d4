package app.stride.auth;

import app.stride.apispecs.ApiSpecs;
import app.stride.auth.adapter.in.http.AuthHttpHandlers;
import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.application.port.out.OneTimeTokenStore;
import app.stride.auth.application.port.out.SessionStore;
import app.stride.auth.application.service.AuthServices;
import app.stride.auth.application.service.AuthSettings;
import app.stride.auth.application.service.SigningKeys;
import app.stride.auth.credential.Argon2idPasswordHasher;
import app.stride.auth.credential.PasswordPolicy;
import app.stride.auth.mail.MailPort;
import app.stride.auth.mail.MailTemplates;
import app.stride.auth.social.OidcIdTokenVerifier;
import app.stride.auth.social.OidcProviderConfig;
import app.stride.auth.social.SocialProvider;
import app.stride.auth.throttle.AttemptCounters;
import app.stride.auth.throttle.FallbackAttemptCounters;
import app.stride.auth.throttle.InMemoryAttemptCounters;
import app.stride.auth.throttle.LoginThrottle;
import app.stride.auth.throttle.ThrottlePolicy;
import app.stride.auth.throttle.redis.RedisAttemptCounters;
import app.stride.auth.token.KeyRing;
import app.stride.auth.token.KeyRingStore;
import app.stride.auth.token.KeyRotation;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.directory.DirectoryKeys;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.event.EventPublisher;
import app.stride.core.function.ApiFunction;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.trigger.ScheduledTick;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The auth capability's functions, wired from its ports. Each cloud module calls these from its
 * Spring initializer with its own stores, mail sender, directory and event transport; nothing else
 * differs by cloud.
 */
public final class AuthFunctions {
  /** The spec's {@code x-stride-function} of the auth routes, and the HTTP bean's name. */
  public static final String NAME = "auth";

  /** The bean name of the scheduled signing-key rotation. */
  public static final String KEY_ROTATION = "authKeyRotation";

  /** The bean name of the scheduled relay of account-deletion events. */
  public static final String DELETION_RELAY = "authDeletionRelay";

  private AuthFunctions() {}

  /**
   * The region's auth stores.
   *
   * @param accounts accounts and their login claims
   * @param sessions sessions and refresh tokens
   * @param oneTimeTokens mail-link and MFA tokens
   * @param keyRings the signing key ring
   */
  public record RegionStores(
      AccountStore accounts,
      SessionStore sessions,
      OneTimeTokenStore oneTimeTokens,
      KeyRingStore keyRings) {}

  /** Every use case, wired from the configuration and the cloud's adapters. */
  public static AuthServices services(
      AuthConfig config,
      RegionStores stores,
      DirectoryPort directory,
      MailPort mail,
      EventPublisher events,
      Clock clock) {
    AuthSettings settings =
        AuthSettings.standard(config.region(), config.issuer(), config.audience());
    SigningKeys keys =
        config
            .localSigningKey()
            .map(json -> SigningKeys.fixed(KeyRing.fromJson(json)))
            .orElseGet(
                () ->
                    SigningKeys.stored(
                        stores.keyRings(),
                        config.region(),
                        new KeyRotation(
                            Duration.ofDays(30),
                            Duration.ofHours(1),
                            settings.accessTokenLifetime()),
                        clock));
    AuthServices.Adapters adapters =
        new AuthServices.Adapters(
            stores.accounts(),
            stores.sessions(),
            stores.oneTimeTokens(),
            keys,
            directory,
            new DirectoryKeys(config.directorySecret()),
            new LoginThrottle(counters(config, clock), ThrottlePolicy.standard(), clock),
            mail,
            new MailTemplates(config.publicUrl()),
            socialVerifier(config, clock),
            events);
    return new AuthServices(
        adapters, settings, Argon2idPasswordHasher.owasp(), PasswordPolicy.standard(), clock);
  }

  /** The HTTP function serving the {@code auth} operations of the mobile API. */
  public static ApiFunction http(AuthServices services, TokenVerifier verifier, AuthConfig config) {
    RequestValidator validator = new RequestValidator(mobileApi());
    return new AuthHttpHandlers(services, new ResidencyGuard(config.region()))
        .register(ApiFunction.builder(NAME, validator, verifier))
        .build();
  }

  /** The scheduled step of the signing-key rotation procedure. */
  public static Consumer<ScheduledTick> keyRotation(AuthServices services) {
    return tick -> services.signingKeys().rotate();
  }

  /** The scheduled relay of account-deletion events. */
  public static Consumer<ScheduledTick> deletionRelay(AuthServices services) {
    return services.deletion();
  }

  private static AttemptCounters counters(AuthConfig config, Clock clock) {
    return config
        .redis()
        .<AttemptCounters>map(
            redis -> new FallbackAttemptCounters(RedisAttemptCounters.create(redis), clock))
        .orElseGet(() -> new InMemoryAttemptCounters(clock));
  }

  private static OidcIdTokenVerifier socialVerifier(AuthConfig config, Clock clock) {
    Map<SocialProvider, OidcProviderConfig> providers = new EnumMap<>(SocialProvider.class);
    // A provider without client ids is off: its sign-in answers as unavailable.
    if (!config.googleClientIds().isEmpty()) {
      providers.put(
          SocialProvider.GOOGLE,
          OidcProviderConfig.google(config.googleClientIds()).withIssuer(config.googleIssuer()));
    }
    if (!config.appleClientIds().isEmpty()) {
      providers.put(
          SocialProvider.APPLE,
          OidcProviderConfig.apple(config.appleClientIds()).withIssuer(config.appleIssuer()));
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    return new OidcIdTokenVerifier(providers, http, clock);
  }

  /** The JSON twin of the spec (no YAML parser on a function's cold start). */
  private static OpenApiSpec mobileApi() {
    try (InputStream in = ApiSpecs.mobileApiJson()) {
      return OpenApiSpec.readJson("mobile-api", in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
