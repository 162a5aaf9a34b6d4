package app.stride.devices.aws;

import app.stride.aws.secrets.SecretsOverlay;
import app.stride.core.store.CursorSeal;
import app.stride.devices.DevicesFunctions;
import app.stride.devices.EnvWebhookSecrets;
import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.SecretKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices settings the Lambda takes from its region's settings bundle ({@code
 * STRIDE_SECRETS_BUNDLE_ARN}, {@code SecretsOverlay}); any other member of the bundle is ignored.
 * The same names as infra's {@code Capabilities.DEVICES_SECRETS}: the OAuth state key and redirect
 * URI, each provider's OAuth client id and secret, Suunto's API subscription key and the webhooks'
 * own secrets.
 */
final class DevicesSecretSettings {
  /** Providers with an OAuth client, as their variables spell them. */
  static final List<Provider> OAUTH_PROVIDERS =
      List.of(
          Provider.GARMIN,
          Provider.STRAVA,
          Provider.POLAR,
          Provider.SUUNTO,
          Provider.FITBIT,
          Provider.WAHOO,
          Provider.COROS);

  /** Every name the bundle may set. */
  static final List<String> NAMES = names();

  private DevicesSecretSettings() {}

  /**
   * How the Lambda reads its secrets: the history's cursor key from the region's cursor secret
   * ({@code STRIDE_CURSOR_KEY_ARN}, shared with every capability), the provider settings from the
   * bundle.
   */
  static SecretsOverlay overlay() {
    return SecretsOverlay.byArn(List.of(CursorSeal.KEY_ENV)).andBundle(NAMES);
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    names.add("STRIDE_OAUTH_STATE_KEY");
    names.add("STRIDE_OAUTH_REDIRECT_URI");
    for (Provider provider : OAUTH_PROVIDERS) {
      names.add("STRIDE_OAUTH_" + provider.name() + "_CLIENT_ID");
      names.add("STRIDE_OAUTH_" + provider.name() + "_CLIENT_SECRET");
    }
    names.add(DevicesFunctions.SUUNTO_SUBSCRIPTION_KEY_ENV);
    names.add(EnvWebhookSecrets.variable(Provider.POLAR, SecretKind.SIGNING_KEY));
    names.add(EnvWebhookSecrets.variable(Provider.SUUNTO, SecretKind.SIGNING_KEY));
    names.add(EnvWebhookSecrets.variable(Provider.FITBIT, SecretKind.WEBHOOK_TOKEN));
    names.add(EnvWebhookSecrets.variable(Provider.STRAVA, SecretKind.VERIFICATION_CODE));
    names.add(DevicesFunctions.STRAVA_SUBSCRIPTION_ENV);
    names.add(EnvWebhookSecrets.variable(Provider.WAHOO, SecretKind.WEBHOOK_TOKEN));
    names.add(EnvWebhookSecrets.variable(Provider.COROS, SecretKind.WEBHOOK_TOKEN));
    names.add(EnvWebhookSecrets.variable(Provider.FITBIT, SecretKind.PUBLIC_KEY));
    names.add(EnvWebhookSecrets.variable(Provider.GARMIN, SecretKind.CLIENT_ID));
    names.add(EnvWebhookSecrets.variable(Provider.COROS, SecretKind.CLIENT_ID));
    return List.copyOf(names);
  }
}
