package app.stride.devices.connection;

import app.stride.devices.domain.Provider;
import java.util.Optional;

/**
 * Who a user is at a provider whose token answer does not say (Garmin, Wahoo, Google Health): one
 * API call with the fresh access token.
 */
@FunctionalInterface
public interface ProviderAccountLookup {
  /**
   * The provider's id of the token's user.
   *
   * @return empty when the provider's answer names no user
   * @throws OAuthException {@code UNAVAILABLE} when the provider cannot be reached, {@code
   *     REJECTED} when it refuses the token
   */
  Optional<String> providerUserId(Provider provider, Secret accessToken);
}
