package app.stride.auth.token;

import app.stride.core.auth.JwtTokenVerifier;
import app.stride.core.auth.TokenVerifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Issuer settings and a verifier of a ring's JWKS at a given instant, for the token tests. */
final class TokenFixtures {
  static final String ISSUER = "https://auth.eu.stride.test";
  static final String AUDIENCE = "stride-api";

  private TokenFixtures() {}

  static AccessTokenIssuer issuerAt(Instant now) {
    return new AccessTokenIssuer(
        ISSUER, AUDIENCE, java.time.Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC));
  }

  /** A verifier that knows exactly what {@code ring} publishes, with its clock at {@code now}. */
  static TokenVerifier verifierOf(KeyRing ring, Instant now) {
    return JwtTokenVerifier.forJwks(
        ring.publicJwks(), ISSUER, AUDIENCE, Clock.fixed(now, ZoneOffset.UTC));
  }
}
