package app.stride.auth.token;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed access token and what the client is told about it.
 *
 * @param token the compact JWS (a bearer credential: never log it)
 * @param jti the token's id, for audit and revocation
 * @param expiresAt the token's {@code exp}
 * @param expiresInSeconds the lifetime, as the {@code expiresIn} of the token response
 */
public record IssuedAccessToken(
    String token, String jti, Instant expiresAt, long expiresInSeconds) {

  public IssuedAccessToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(jti, "jti");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Leaves the token out: a bearer credential must never reach a log line. */
  @Override
  public String toString() {
    return "IssuedAccessToken[jti="
        + jti
        + ", expiresAt="
        + expiresAt
        + ", expiresInSeconds="
        + expiresInSeconds
        + "]";
  }
}
