package app.stride.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthFunctionConfigTest {

  private static AuthFunctionConfig config(String from, String smtpHost, int maxConcurrency) {
    return new AuthFunctionConfig(
        "https://app.example",
        "https://directory.example",
        "App",
        from,
        maxConcurrency,
        smtpHost,
        587,
        "app",
        List.of(),
        List.of());
  }

  @Test
  void mailFrom_isDisplayNameAndAddress_andTheDomainIsTheSendingIdentity() {
    AuthFunctionConfig config = config("no-reply@mail.app.example", "smtp.example", 5);

    assertThat(config.mailFrom()).isEqualTo("App <no-reply@mail.app.example>");
    assertThat(config.mailDomain()).isEqualTo("mail.app.example");
  }

  @Test
  void rejectsASenderThatIsNotABareAddress() {
    assertThatThrownBy(() -> config("App <no-reply@app.example>", "smtp.example", 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mailFromAddress");
  }

  @Test
  void rejectsALoopbackOrBareSmtpHost_andZeroConcurrency() {
    assertThatThrownBy(() -> config("a@app.example", "localhost", 5))
        .hasMessageContaining("smtpHost");
    assertThatThrownBy(() -> config("a@app.example", "127.0.0.1", 5))
        .hasMessageContaining("smtpHost");
    assertThatThrownBy(() -> config("a@app.example", "smtp.example", 0))
        .hasMessageContaining("maxConcurrency");
  }

  @Test
  void rejectsPlainHttpUrls() {
    assertThatThrownBy(
            () ->
                new AuthFunctionConfig(
                    "http://app.example",
                    "https://directory.example",
                    "App",
                    "a@app.example",
                    1,
                    "smtp.example",
                    587,
                    "app",
                    List.of(),
                    List.of()))
        .hasMessageContaining("publicUrl");
  }

  @Test
  void authNames_deriveFromTheRegionId() {
    RegionConfig eu = new RegionConfig("eu", Cloud.AWS, "eu-central-1", null);

    assertThat(eu.authTableName()).isEqualTo("stride-auth-eu");
    assertThat(eu.authFunctionName()).isEqualTo("stride-auth-eu");
    assertThat(eu.authKeyRotationFunctionName()).isEqualTo("stride-auth-key-rotation-eu");
    assertThat(eu.authDeletionRelayFunctionName()).isEqualTo("stride-auth-deletion-relay-eu");
    assertThat(eu.sesConfigurationSetName()).isEqualTo("stride-auth-eu");
    assertThat(eu.directoryHashKeySecretName()).isEqualTo("stride-directory-hash-key-eu");
    assertThat(eu.directoryApiSecretName()).isEqualTo("stride-directory-api-secret-eu");
    assertThat(eu.smtpPasswordSecretName()).isEqualTo("stride-smtp-password-eu");
  }
}
