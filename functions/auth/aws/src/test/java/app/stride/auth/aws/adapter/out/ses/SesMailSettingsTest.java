package app.stride.auth.aws.adapter.out.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class SesMailSettingsTest {

  @Test
  void fromEnv_readsRegionSenderConfigurationSetAndEndpoint() {
    Env env =
        new Env(
            Map.of(
                "AWS_REGION", "eu-central-1",
                "STRIDE_MAIL_FROM", "Stride <no-reply@stride.test>",
                "STRIDE_SES_CONFIGURATION_SET", "stride-auth-eu",
                "STRIDE_SES_ENDPOINT", "http://127.0.0.1:9999"));

    SesMailSettings settings = SesMailSettings.fromEnv(env);

    assertThat(settings.awsRegion()).isEqualTo(Region.EU_CENTRAL_1);
    assertThat(settings.fromAddress()).isEqualTo("Stride <no-reply@stride.test>");
    assertThat(settings.configurationSet()).isEqualTo("stride-auth-eu");
    assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:9999"));
    assertThat(settings.maxAttempts()).isEqualTo(SesMailSettings.DEFAULT_MAX_ATTEMPTS);
  }

  @Test
  void fromEnv_withoutConfigurationSet_fails() {
    Env env =
        new Env(Map.of("AWS_REGION", "eu-central-1", "STRIDE_MAIL_FROM", "no-reply@stride.test"));

    assertThatThrownBy(() -> SesMailSettings.fromEnv(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STRIDE_SES_CONFIGURATION_SET");
  }

  @Test
  void badValues_areRejected() {
    assertThatThrownBy(() -> settings("a@stride.test\nBcc: x@evil.test", 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings("a@stride.test", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static SesMailSettings settings(String from, int maxAttempts) {
    return new SesMailSettings(
        Region.EU_CENTRAL_1, from, "set", Optional.empty(), Duration.ofSeconds(1), maxAttempts);
  }
}
