package app.stride.devices.connection;

import java.time.Duration;
import java.time.Instant;

/**
 * Refresh before expiry: an access token with less than the margin left (five minutes by default)
 * is refreshed before use, so a pull never starts with a token that dies mid-way.
 *
 * @param margin how long before expiry a token counts as due
 */
public record RefreshPolicy(Duration margin) {
  public RefreshPolicy {
    if (margin.isNegative()) {
      throw new IllegalArgumentException("margin must not be negative");
    }
  }

  /** Five minutes. */
  public static RefreshPolicy defaults() {
    return new RefreshPolicy(Duration.ofMinutes(5));
  }

  /**
   * Whether the tokens are due for a refresh: they expire within the margin and can be refreshed.
   * Tokens without an expiry, or without a refresh token, are never due (the latter need the user
   * to reconnect when the provider refuses them).
   */
  public boolean due(ProviderTokens tokens, Instant now) {
    return tokens.expiresAt() != null
        && tokens.refreshToken() != null
        && tokens.expiresAt().isBefore(now.plus(margin));
  }
}
