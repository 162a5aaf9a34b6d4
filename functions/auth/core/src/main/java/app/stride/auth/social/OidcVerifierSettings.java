package app.stride.auth.social;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of ID-token verification and of fetching providers' keys. {@link #defaults()} is what
 * production uses; tests shorten the timeouts.
 *
 * @param httpTimeout the request timeout of each discovery or JWKS fetch
 * @param clockSkew tolerated difference between the provider's clock and ours ({@code exp}, {@code
 *     nbf}, {@code iat})
 * @param maxTokenAge how far in the past {@code iat} may be: an app sends its ID token right after
 *     the sign-in, so an old one is a replay
 * @param discoveryTtl how long a discovery document is used before it is fetched again
 * @param jwksTtl how long a JWKS is used before it is fetched again (refreshed earlier when a token
 *     names an unknown {@code kid})
 * @param jwksMaxStale how long an expired JWKS keeps serving while the provider cannot be reached
 * @param minRefreshInterval the least time between two JWKS fetches caused by unknown {@code kid}s
 *     (so forged key ids cannot make us hammer the provider)
 * @param breakerMinCalls fetches the circuit breaker observes before it may open
 * @param breakerWindow the number of recent fetches whose failure rate is judged
 * @param breakerOpenFor how long the breaker stays open (failing fast) before it lets one trial
 *     fetch through
 */
public record OidcVerifierSettings(
    Duration httpTimeout,
    Duration clockSkew,
    Duration maxTokenAge,
    Duration discoveryTtl,
    Duration jwksTtl,
    Duration jwksMaxStale,
    Duration minRefreshInterval,
    int breakerMinCalls,
    int breakerWindow,
    Duration breakerOpenFor) {

  /** Checks that every duration is present and non-negative and the breaker sizes are sane. */
  public OidcVerifierSettings {
    for (Duration d :
        new Duration[] {
          httpTimeout,
          clockSkew,
          maxTokenAge,
          discoveryTtl,
          jwksTtl,
          jwksMaxStale,
          minRefreshInterval,
          breakerOpenFor
        }) {
      if (Objects.requireNonNull(d, "duration").isNegative()) {
        throw new IllegalArgumentException("durations must not be negative");
      }
    }
    if (httpTimeout.isZero() || breakerOpenFor.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (breakerMinCalls < 1 || breakerWindow < breakerMinCalls) {
      throw new IllegalArgumentException("the breaker window must hold its minimum calls");
    }
  }

  /**
   * Production values: 2 s per fetch, 30 s skew, tokens issued at most 10 minutes ago, discovery
   * kept a day, JWKS an hour (serving up to 6 hours stale while the provider is down), at most one
   * unknown-kid refresh a minute, breaker opening after 3 fetches of which half failed, open for 30
   * s.
   */
  public static OidcVerifierSettings defaults() {
    return new OidcVerifierSettings(
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        Duration.ofHours(24),
        Duration.ofHours(1),
        Duration.ofHours(6),
        Duration.ofMinutes(1),
        3,
        5,
        Duration.ofSeconds(30));
  }

  /** The same settings with another per-fetch timeout. */
  public OidcVerifierSettings withHttpTimeout(Duration timeout) {
    return new OidcVerifierSettings(
        timeout,
        clockSkew,
        maxTokenAge,
        discoveryTtl,
        jwksTtl,
        jwksMaxStale,
        minRefreshInterval,
        breakerMinCalls,
        breakerWindow,
        breakerOpenFor);
  }
}
