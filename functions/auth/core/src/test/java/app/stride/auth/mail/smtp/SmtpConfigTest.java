package app.stride.auth.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmtpConfigTest {
  private static final Duration CONNECT = Duration.ofSeconds(2);
  private static final Duration READ = Duration.ofSeconds(3);

  @Test
  void toString_masksThePassword() {
    SmtpConfig config = relay(Optional.of("mailer"), Optional.of("hunter2-secret"), true);

    assertThat(config.toString()).doesNotContain("hunter2-secret").contains("password=****");
  }

  @Test
  void credentials_withoutStartTls_toARemoteHost_areRefused() {
    assertThatThrownBy(() -> relay(Optional.of("mailer"), Optional.of("hunter2-secret"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("hunter2-secret");
  }

  @Test
  void credentials_withoutStartTls_onLoopback_areAllowed() {
    SmtpConfig config =
        new SmtpConfig(
            "127.0.0.1",
            2525,
            Optional.of("u"),
            Optional.of("p"),
            false,
            "no-reply@stride.test",
            CONNECT,
            READ);

    assertThat(config.authenticates()).isTrue();
  }

  @Test
  void usernameWithoutPassword_isRefused() {
    assertThatThrownBy(() -> relay(Optional.of("mailer"), Optional.empty(), true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badValues_areRefused() {
    assertThatThrownBy(() -> SmtpConfig.plain(" ", 25, "no-reply@stride.test"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmtpConfig.plain("localhost", 0, "no-reply@stride.test"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmtpConfig.plain("localhost", 25, "not an address"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new SmtpConfig(
                    "localhost",
                    25,
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    "no-reply@stride.test",
                    Duration.ZERO,
                    READ))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromEnv_readsEveryValue_andDefaultsTheTimeouts() {
    Env env =
        new Env(
            Map.of(
                "STRIDE_SMTP_HOST", "smtp-relay.gmail.com",
                "STRIDE_SMTP_PORT", "587",
                "STRIDE_SMTP_USERNAME", "relay@stride.test",
                "STRIDE_SMTP_PASSWORD", "app-password",
                "STRIDE_SMTP_STARTTLS", "true",
                "STRIDE_MAIL_FROM", "Stride <no-reply@stride.test>",
                "STRIDE_SMTP_READ_TIMEOUT_MS", "4000"));

    SmtpConfig config = SmtpConfig.fromEnv(env);

    assertThat(config.host()).isEqualTo("smtp-relay.gmail.com");
    assertThat(config.port()).isEqualTo(587);
    assertThat(config.username()).contains("relay@stride.test");
    assertThat(config.password()).contains("app-password");
    assertThat(config.startTls()).isTrue();
    assertThat(config.from()).isEqualTo("Stride <no-reply@stride.test>");
    assertThat(config.connectTimeout()).isEqualTo(SmtpConfig.DEFAULT_CONNECT_TIMEOUT);
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void sessionProperties_setTimeouts_andRequireStartTlsWhenAsked() throws Exception {
    SmtpConfig config = relay(Optional.of("mailer"), Optional.of("pw"), true);

    var props =
        SmtpMailSender.sessionProperties(
            config, new jakarta.mail.internet.InternetAddress("no-reply@stride.test"));

    assertThat(props)
        .containsEntry("mail.smtp.connectiontimeout", "2000")
        .containsEntry("mail.smtp.timeout", "3000")
        .containsEntry("mail.smtp.writetimeout", "3000")
        .containsEntry("mail.smtp.auth", "true")
        .containsEntry("mail.smtp.starttls.enable", "true")
        .containsEntry("mail.smtp.starttls.required", "true")
        .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
        .containsEntry("mail.smtp.localhost", "stride.test");
    assertThat(props.values()).doesNotContain("pw");
  }

  private static SmtpConfig relay(
      Optional<String> username, Optional<String> password, boolean startTls) {
    return new SmtpConfig(
        "smtp.relay.test",
        587,
        username,
        password,
        startTls,
        "no-reply@stride.test",
        CONNECT,
        READ);
  }
}
