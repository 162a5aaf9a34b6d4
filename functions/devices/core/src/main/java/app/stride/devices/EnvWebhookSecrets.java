package app.stride.devices;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.SecretKind;
import app.stride.devices.webhook.WebhookSecrets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The providers' webhook secrets from the function's environment: {@code
 * STRIDE_WEBHOOK_<PROVIDER>_<KIND>}, e.g. {@code STRIDE_WEBHOOK_POLAR_SIGNING_KEY}, {@code
 * STRIDE_WEBHOOK_FITBIT_WEBHOOK_TOKEN}, {@code STRIDE_WEBHOOK_FITBIT_PUBLIC_KEY}, {@code
 * STRIDE_WEBHOOK_STRAVA_VERIFICATION_CODE}. In the clouds the deployment fills them from the
 * region's secret store; locally the platform sets development values. Read once; a missing secret
 * leaves that provider's webhook answering 503 {@code webhook-not-configured} rather than accepting
 * unverified requests.
 */
public final class EnvWebhookSecrets implements WebhookSecrets {
  private final Map<String, String> env;

  public EnvWebhookSecrets(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The variable naming a provider's secret of one kind. */
  public static String variable(Provider provider, SecretKind kind) {
    return "STRIDE_WEBHOOK_"
        + provider.name().toUpperCase(Locale.ROOT)
        + "_"
        + kind.name().toUpperCase(Locale.ROOT);
  }

  @Override
  public Optional<Secret> secret(Provider provider, SecretKind kind) {
    String value = env.get(variable(provider, kind));
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(Secret.of(value));
  }
}
