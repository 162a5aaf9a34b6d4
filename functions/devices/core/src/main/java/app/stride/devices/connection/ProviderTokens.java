package app.stride.devices.connection;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Tokens a provider issued for one user. The tokens are {@link Secret}s, so this record's {@code
 * toString} shows none of them.
 *
 * @param accessToken the access token
 * @param refreshToken the refresh token, or {@code null} when the provider issues none (Polar's
 *     tokens are long-lived)
 * @param expiresAt when the access token expires, or {@code null} when the provider does not say
 * @param scope the granted scope as the provider wrote it, or {@code null}
 * @param providerUserId the provider's id of the user when the token answer carries it, or {@code
 *     null}
 */
public record ProviderTokens(
    Secret accessToken,
    Secret refreshToken,
    Instant expiresAt,
    String scope,
    String providerUserId) {

  public ProviderTokens {
    Objects.requireNonNull(accessToken, "accessToken");
  }

  public Optional<Secret> refresh() {
    return Optional.ofNullable(refreshToken);
  }

  public Optional<Instant> expiry() {
    return Optional.ofNullable(expiresAt);
  }
}
