package app.stride.auth.application.service;

import app.stride.core.region.RegionId;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The auth capability's settings, read once at the edge.
 *
 * @param region the region this function serves
 * @param issuer the {@code iss} of access tokens
 * @param audience the {@code aud} of access tokens
 * @param accessTokenLifetime 15 minutes
 * @param refreshTokenLifetime how long an unused refresh token lives
 * @param sessionLifetime the absolute end of a session, counted from its login
 * @param scopes the scopes a signed-in user's access tokens carry
 */
public record AuthSettings(
    RegionId region,
    String issuer,
    String audience,
    Duration accessTokenLifetime,
    Duration refreshTokenLifetime,
    Duration sessionLifetime,
    Set<String> scopes) {
  public AuthSettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    scopes = Set.copyOf(scopes);
  }

  /** The standard lifetimes: 15-minute access tokens, 30-day refresh tokens, 90-day sessions. */
  public static AuthSettings standard(RegionId region, String issuer, String audience) {
    return new AuthSettings(
        region,
        issuer,
        audience,
        Duration.ofMinutes(15),
        Duration.ofDays(30),
        Duration.ofDays(90),
        Set.of("stride"));
  }
}
