package app.stride.devices.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.devices.connection.ProviderCatalog;
import app.stride.devices.domain.Provider;
import org.junit.jupiter.api.Test;

/** The names the devices Lambda takes from its settings bundle. */
class DevicesSecretSettingsTest {

  @Test
  void names_areTheTwentySevenSettingsInfraDocuments_eachOnce() {
    assertThat(DevicesSecretSettings.NAMES)
        .hasSize(27)
        .doesNotHaveDuplicates()
        .allMatch(n -> n.matches("STRIDE_[A-Z0-9_]+") && !n.endsWith("_ARN"))
        .contains(
            "STRIDE_OAUTH_STATE_KEY",
            "STRIDE_OAUTH_REDIRECT_URI",
            "STRIDE_PROVIDER_SUUNTO_SUBSCRIPTION_KEY",
            "STRIDE_WEBHOOK_POLAR_SIGNING_KEY",
            "STRIDE_WEBHOOK_STRAVA_SUBSCRIPTION_ID",
            "STRIDE_WEBHOOK_GARMIN_CLIENT_ID");
  }

  @Test
  void names_holdTheOAuthClientOfEveryProviderWithAnApi() {
    for (Provider provider : ProviderCatalog.all().keySet()) {
      assertThat(DevicesSecretSettings.NAMES)
          .as(provider.name())
          .contains(
              "STRIDE_OAUTH_" + provider.name() + "_CLIENT_ID",
              "STRIDE_OAUTH_" + provider.name() + "_CLIENT_SECRET");
    }
  }
}
