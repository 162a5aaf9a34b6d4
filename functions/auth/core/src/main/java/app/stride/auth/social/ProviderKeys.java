package app.stride.auth.social;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider's signing keys: the discovery document and the JWKS it points to, fetched on first
 * use and cached. The JWKS is fetched again when it is older than its time to live, or when a token
 * names a {@code kid} it lacks (key rotation), at most once per refresh interval. Every fetch goes
 * through the provider's circuit breaker: after repeated failures it opens and verifications that
 * need a fetch fail fast with {@link SocialProviderUnavailableException} until a trial fetch
 * succeeds. While the provider cannot be reached, an expired JWKS keeps serving for a while.
 */
final class ProviderKeys {
  private static final Logger log = LoggerFactory.getLogger(ProviderKeys.class);

  private final SocialProvider provider;
  private final OidcProviderConfig config;
  private final OidcHttpFetcher fetcher;
  private final OidcVerifierSettings settings;
  private final Clock clock;
  private final CircuitBreaker breaker;

  /** The keys in use; replaced whole, read without locking. */
  private volatile Snapshot snapshot;

  /** When the JWKS was last asked for, successfully or not; guarded by {@code this}. */
  private Instant lastFetchAttempt;

  private record Snapshot(URI jwksUri, Instant discoveredAt, JWKSet keys, Instant fetchedAt) {}

  ProviderKeys(
      SocialProvider provider,
      OidcProviderConfig config,
      OidcHttpFetcher fetcher,
      OidcVerifierSettings settings,
      Clock clock) {
    this.provider = provider;
    this.config = config;
    this.fetcher = fetcher;
    this.settings = settings;
    this.clock = clock;
    this.breaker = CircuitBreaker.of("oidc-" + provider.name().toLowerCase(), breakerConfig());
    breaker
        .getEventPublisher()
        .onStateTransition(
            event ->
                log.warn(
                    "OIDC provider {} circuit breaker {}", provider, event.getStateTransition()));
  }

  private CircuitBreakerConfig breakerConfig() {
    return CircuitBreakerConfig.custom()
        .slidingWindow(
            settings.breakerWindow(), settings.breakerMinCalls(), SlidingWindowType.COUNT_BASED)
        .failureRateThreshold(50)
        .waitDurationInOpenState(settings.breakerOpenFor())
        .permittedNumberOfCallsInHalfOpenState(1)
        .clock(clock)
        .build();
  }

  /**
   * The provider's keys that may verify a token with this header; empty when none has its {@code
   * kid}, even after the refresh an unknown {@code kid} allows.
   *
   * @throws SocialProviderUnavailableException when the keys are needed and cannot be fetched
   */
  List<JWK> keysFor(JWSHeader header) {
    Instant now = clock.instant();
    Snapshot current = usableSnapshot(now);
    List<JWK> keys = IdTokenSignature.candidates(current.keys(), header);
    if (!keys.isEmpty()) {
      return keys;
    }
    Snapshot refreshed = refreshForUnknownKid(current, now);
    return refreshed == null ? List.of() : IdTokenSignature.candidates(refreshed.keys(), header);
  }

  /** The circuit breaker's state, for health reporting and tests. */
  CircuitBreaker.State circuitState() {
    return breaker.getState();
  }

  private Snapshot usableSnapshot(Instant now) {
    Snapshot current = snapshot;
    if (isFresh(current, now)) {
      return current;
    }
    synchronized (this) {
      current = snapshot;
      if (isFresh(current, now)) {
        return current;
      }
      try {
        return fetch(current, now);
      } catch (SocialProviderUnavailableException e) {
        if (current != null
            && now.isBefore(
                current.fetchedAt().plus(settings.jwksTtl()).plus(settings.jwksMaxStale()))) {
          log.debug("OIDC provider {} unreachable; verifying with its expired JWKS", provider);
          return current;
        }
        throw e;
      }
    }
  }

  private boolean isFresh(Snapshot current, Instant now) {
    return current != null && now.isBefore(current.fetchedAt().plus(settings.jwksTtl()));
  }

  private synchronized Snapshot refreshForUnknownKid(Snapshot seen, Instant now) {
    if (snapshot != seen) {
      return snapshot; // another verification refreshed meanwhile
    }
    if (lastFetchAttempt != null
        && now.isBefore(lastFetchAttempt.plus(settings.minRefreshInterval()))) {
      return null;
    }
    return fetch(seen, now);
  }

  /** Fetches (discovery if due, then) the JWKS through the breaker; caller holds the lock. */
  private Snapshot fetch(Snapshot previous, Instant now) {
    lastFetchAttempt = now;
    try {
      Snapshot fetched = breaker.executeSupplier(() -> download(previous, now));
      snapshot = fetched;
      return fetched;
    } catch (CallNotPermittedException e) {
      throw new SocialProviderUnavailableException(provider, "circuit breaker open");
    } catch (ProviderFetchException e) {
      log.warn("OIDC provider {} keys could not be fetched: {}", provider, e.getMessage());
      throw new SocialProviderUnavailableException(provider, "keys could not be fetched", e);
    }
  }

  private Snapshot download(Snapshot previous, Instant now) {
    URI jwksUri;
    Instant discoveredAt;
    if (previous != null && now.isBefore(previous.discoveredAt().plus(settings.discoveryTtl()))) {
      jwksUri = previous.jwksUri();
      discoveredAt = previous.discoveredAt();
    } else {
      jwksUri = OidcDiscovery.parse(fetcher.get(config.discoveryUri()), config.issuer()).jwksUri();
      discoveredAt = now;
    }
    JWKSet keys;
    try {
      keys = JWKSet.parse(fetcher.get(jwksUri)).toPublicJWKSet();
    } catch (ParseException e) {
      throw new ProviderFetchException(jwksUri + " is not a JWKS");
    }
    if (keys.isEmpty()) {
      throw new ProviderFetchException(jwksUri + " holds no keys");
    }
    return new Snapshot(jwksUri, discoveredAt, keys, now);
  }
}
