package app.stride.devices.webhook;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import java.util.Optional;

/**
 * Where receivers get their secrets (Secrets Manager / Secret Manager in the clouds, environment
 * locally). A missing secret makes the receiver refuse with {@code webhook-not-configured}: it
 * never falls back to accepting unverified requests.
 */
@FunctionalInterface
public interface WebhookSecrets {
  /**
   * The secret of a kind for a provider.
   *
   * @return the secret, or empty when it is not configured
   */
  Optional<Secret> secret(Provider provider, SecretKind kind);
}
