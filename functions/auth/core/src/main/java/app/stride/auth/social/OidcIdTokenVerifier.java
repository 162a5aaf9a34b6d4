package app.stride.auth.social;

import static app.stride.auth.social.SocialTokenRejectedException.MALFORMED;
import static app.stride.auth.social.SocialTokenRejectedException.NONCE_MISSING;
import static app.stride.auth.social.SocialTokenRejectedException.SIGNATURE;
import static app.stride.auth.social.SocialTokenRejectedException.UNKNOWN_KEY;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies Google and Apple ID tokens for sign-in.
 *
 * <p>A token is accepted when, in this order: it is a compact JWS of at most 16 KiB whose header
 * names the provider's pinned algorithm (so {@code none} and HS256 are refused) and a {@code kid};
 * a key of the provider's published JWKS (found through its discovery document) with that {@code
 * kid} verifies the signature; and its claims pass {@link IdTokenClaimsValidator}: {@code iss}
 * exact, every {@code aud} one of our client ids, {@code exp}/{@code nbf}/{@code iat} with a small
 * skew and {@code iat} at most ten minutes old, {@code nonce} bound to this sign-in, {@code sub}
 * present. Keys are cached; see {@link ProviderKeys} for refreshes and the circuit breaker.
 *
 * <p>Thread-safe; create one per process and reuse it.
 */
public final class OidcIdTokenVerifier {
  private final Map<SocialProvider, OidcProviderConfig> configs;
  private final Map<SocialProvider, ProviderKeys> keys;
  private final IdTokenClaimsValidator claimsValidator;
  private final Clock clock;

  /** A verifier with the production {@link OidcVerifierSettings#defaults() settings}. */
  public OidcIdTokenVerifier(
      Map<SocialProvider, OidcProviderConfig> providers, HttpClient http, Clock clock) {
    this(providers, http, clock, OidcVerifierSettings.defaults());
  }

  /**
   * A verifier for the configured providers (others are {@linkplain
   * SocialProviderUnavailableException unavailable}).
   *
   * @param http the client keys are fetched with; see {@link #defaultHttpClient()}
   */
  public OidcIdTokenVerifier(
      Map<SocialProvider, OidcProviderConfig> providers,
      HttpClient http,
      Clock clock,
      OidcVerifierSettings settings) {
    Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.configs = providers.isEmpty() ? Map.of() : new EnumMap<>(providers);
    this.claimsValidator = new IdTokenClaimsValidator(settings.clockSkew(), settings.maxTokenAge());
    OidcHttpFetcher fetcher = new OidcHttpFetcher(http, settings.httpTimeout());
    Map<SocialProvider, ProviderKeys> byProvider = new EnumMap<>(SocialProvider.class);
    configs.forEach(
        (provider, config) ->
            byProvider.put(provider, new ProviderKeys(provider, config, fetcher, settings, clock)));
    this.keys = byProvider;
  }

  /** An HTTP client for key fetches: 2 s connect timeout, redirects not followed. */
  public static HttpClient defaultHttpClient() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(2))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * The identity an ID token asserts.
   *
   * @param provider the provider the app signed in with
   * @param idToken the ID token the app received from the provider
   * @param nonce the raw nonce the app generated for this sign-in (for Apple, the token carries its
   *     SHA-256 hex)
   * @throws SocialTokenRejectedException when the token is not acceptable (see its reasons)
   * @throws SocialProviderUnavailableException when the provider's keys cannot be obtained now, or
   *     the provider is not configured
   */
  public SocialIdentity verify(SocialProvider provider, String idToken, String nonce) {
    OidcProviderConfig config = configs.get(Objects.requireNonNull(provider, "provider"));
    if (config == null) {
      throw new SocialProviderUnavailableException(provider, "not configured");
    }
    SignedJWT jwt = IdTokenSignature.parse(provider, config.algorithm(), idToken);
    if (nonce == null || nonce.isEmpty()) {
      throw new SocialTokenRejectedException(provider, NONCE_MISSING);
    }
    List<JWK> candidates = keys.get(provider).keysFor(jwt.getHeader());
    if (candidates.isEmpty()) {
      throw new SocialTokenRejectedException(provider, UNKNOWN_KEY);
    }
    if (!IdTokenSignature.verifies(jwt, candidates)) {
      throw new SocialTokenRejectedException(provider, SIGNATURE);
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new SocialTokenRejectedException(provider, MALFORMED);
    }
    return claimsValidator.validate(provider, config, claims, nonce, clock.instant());
  }

  /** The state of a configured provider's circuit breaker (health reporting, tests). */
  CircuitBreaker.State circuitState(SocialProvider provider) {
    return keys.get(provider).circuitState();
  }
}
