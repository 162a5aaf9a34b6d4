package app.stride.devices.connection;

import java.time.Instant;
import java.util.Optional;

/**
 * A provider's OAuth 2.0 token endpoint: codes and refresh tokens exchanged for tokens ({@link
 * OAuthClient} speaks HTTP to it; {@link GuardedTokenEndpoint} puts a breaker in front).
 */
public interface TokenEndpoint {
  /**
   * Exchanges an authorization code (after the callback's state was verified).
   *
   * @param codeVerifier the PKCE verifier, when the authorize request carried a challenge
   * @throws OAuthException {@code UNAVAILABLE} to retry, {@code REJECTED} when the provider refuses
   * @throws IllegalArgumentException when the code is missing or too long
   */
  ProviderTokens exchange(
      ProviderEndpoints endpoints,
      ClientCredentials client,
      String code,
      Optional<String> codeVerifier,
      Instant now);

  /**
   * Refreshes tokens; when the answer has no new refresh token, the current one is kept.
   *
   * @throws OAuthException {@code REJECTED} when the tokens have no refresh token or the provider
   *     refuses it, {@code UNAVAILABLE} to retry
   */
  ProviderTokens refresh(
      ProviderEndpoints endpoints, ClientCredentials client, ProviderTokens current, Instant now);
}
