package app.stride.devices.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's connection to one provider with a server API: who the user is at the provider and the
 * tokens it issued, encrypted ({@link app.stride.devices.connection.TokenCipher}, bound to this
 * user and provider). One connection per user and provider; a provider account belongs to at most
 * one user (webhooks name the provider's user, and must reach exactly one of ours).
 *
 * @param userId our user
 * @param provider the provider
 * @param providerUserId the provider's id of the user (athlete id, x_user_id, openId, ...)
 * @param accessToken the encrypted access token
 * @param refreshToken the encrypted refresh token, or {@code null} when the provider issues none
 * @param expiresAt when the access token expires, or {@code null} when the provider does not say
 * @param scope the scope the user granted, as the provider wrote it, or {@code null}
 * @param connectedAt when the user connected (kept across token refreshes)
 * @param updatedAt when the tokens last changed
 * @param version the stored version, 1 when first saved; token updates are conditional on it
 */
public record Connection(
    UserId userId,
    Provider provider,
    String providerUserId,
    byte[] accessToken,
    byte[] refreshToken,
    Instant expiresAt,
    String scope,
    Instant connectedAt,
    Instant updatedAt,
    long version) {

  public Connection {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(connectedAt, "connectedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (providerUserId == null || providerUserId.isBlank() || providerUserId.length() > 128) {
      throw new IllegalArgumentException("providerUserId must have 1 to 128 characters");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
    accessToken = accessToken.clone();
    refreshToken = refreshToken == null ? null : refreshToken.clone();
  }

  @Override
  public byte[] accessToken() {
    return accessToken.clone();
  }

  @Override
  public byte[] refreshToken() {
    return refreshToken == null ? null : refreshToken.clone();
  }

  /** The encrypted refresh token, when the provider issued one. */
  public Optional<byte[]> refresh() {
    return Optional.ofNullable(refreshToken());
  }

  /** The access token's expiry, when the provider said. */
  public Optional<Instant> expiry() {
    return Optional.ofNullable(expiresAt);
  }

  /** This connection with refreshed tokens and the next version. */
  public Connection withTokens(
      byte[] newAccessToken, byte[] newRefreshToken, Instant newExpiresAt, Instant now) {
    return new Connection(
        userId,
        provider,
        providerUserId,
        newAccessToken,
        newRefreshToken,
        newExpiresAt,
        scope,
        connectedAt,
        now,
        version + 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Connection c
        && userId.equals(c.userId)
        && provider == c.provider
        && providerUserId.equals(c.providerUserId)
        && Arrays.equals(accessToken, c.accessToken)
        && Arrays.equals(refreshToken, c.refreshToken)
        && Objects.equals(expiresAt, c.expiresAt)
        && Objects.equals(scope, c.scope)
        && connectedAt.equals(c.connectedAt)
        && updatedAt.equals(c.updatedAt)
        && version == c.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, provider, providerUserId, version);
  }

  /** No token bytes, even encrypted ones. */
  @Override
  public String toString() {
    return "Connection[" + userId + ", " + provider.wire() + ", v" + version + "]";
  }
}
