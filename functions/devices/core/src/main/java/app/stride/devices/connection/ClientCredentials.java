package app.stride.devices.connection;

import java.net.URI;
import java.util.Objects;

/**
 * Our OAuth client at one provider.
 *
 * @param clientId the client id (public)
 * @param clientSecret the client secret
 * @param redirectUri the registered redirect URI the provider sends the user back to
 */
public record ClientCredentials(String clientId, Secret clientSecret, URI redirectUri) {
  public ClientCredentials {
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(redirectUri, "redirectUri");
  }
}
