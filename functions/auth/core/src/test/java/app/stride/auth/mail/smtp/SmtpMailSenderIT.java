package app.stride.auth.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.auth.mail.MailMessage;
import app.stride.auth.mail.MailTemplates;
import app.stride.auth.mail.MailUnavailableException;
import app.stride.testkit.junit.GreenMailExtension;
import app.stride.testkit.server.Loopback;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpMailSenderIT {
  private static final String FROM = "Stride <no-reply@stride.test>";
  private static final String TOKEN = "tK3n-_Zx9";

  @RegisterExtension static final GreenMailExtension SMTP = new GreenMailExtension();

  private final MailTemplates templates = new MailTemplates(URI.create("https://app.stride.test"));

  @BeforeEach
  void emptyInbox() {
    SMTP.server().reset();
  }

  @Test
  void send_deliversSubjectTextAndHtml_asMultipartAlternative() throws Exception {
    MailMessage mail = templates.verifyEmail("runner@example.org", Locale.ENGLISH, TOKEN);

    sender().send(mail);

    assertThat(SMTP.awaitMessages(1, Duration.ofSeconds(5))).isTrue();
    MimeMessage received = SMTP.receivedMessages().get(0);
    assertThat(received.getSubject()).isEqualTo(mail.subject());
    assertThat(received.getFrom()).containsExactly(new InternetAddress(FROM));
    assertThat(received.getAllRecipients()).containsExactly(new InternetAddress(mail.to()));
    assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(received.getContentType()).startsWith("multipart/alternative");
    Multipart parts = (Multipart) received.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    String link = "https://app.stride.test/verify-email?token=" + TOKEN;
    assertPart(parts.getBodyPart(0), "text/plain", link);
    assertPart(parts.getBodyPart(1), "text/html", "href=\"" + link + "\"");
  }

  @Test
  void send_keepsNonAsciiSubjectAndBodyIntact() throws Exception {
    MailMessage mail = templates.resetPassword("laeufer@example.org", Locale.GERMAN, TOKEN);

    sender().send(mail);

    assertThat(SMTP.awaitMessages(1, Duration.ofSeconds(5))).isTrue();
    MimeMessage received = SMTP.receivedMessages().get(0);
    assertThat(received.getSubject()).isEqualTo("Stride-Passwort zurücksetzen");
    Multipart parts = (Multipart) received.getContent();
    assertThat((String) parts.getBodyPart(0).getContent()).contains("gültig");
  }

  @Test
  void send_whenSmtpIsDown_throwsRetryableMailUnavailable_withoutCredentials() {
    int closedPort = Loopback.freePort();
    SmtpConfig config =
        new SmtpConfig(
            Loopback.HOST,
            closedPort,
            Optional.of("mailer"),
            Optional.of("hunter2-secret"),
            false,
            FROM,
            Duration.ofSeconds(2),
            Duration.ofSeconds(2));
    MailMessage mail = templates.passwordChanged("runner@example.org", Locale.ENGLISH);

    assertThatThrownBy(() -> new SmtpMailSender(config).send(mail))
        .isInstanceOfSatisfying(
            MailUnavailableException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessage("SMTP server unreachable")
        .hasNoCause();
  }

  @Test
  void send_whenServerNeverAnswers_givesUpAfterTheReadTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName(Loopback.HOST))) {
      Thread acceptor = new Thread(() -> acceptAndHold(silent));
      acceptor.setDaemon(true);
      acceptor.start();
      SmtpConfig config =
          new SmtpConfig(
              Loopback.HOST,
              silent.getLocalPort(),
              Optional.empty(),
              Optional.empty(),
              false,
              FROM,
              Duration.ofSeconds(2),
              Duration.ofMillis(500));
      MailMessage mail = templates.passwordChanged("runner@example.org", Locale.ENGLISH);
      long started = System.nanoTime();

      assertThatThrownBy(() -> new SmtpMailSender(config).send(mail))
          .isInstanceOf(MailUnavailableException.class)
          .hasMessage("SMTP server timed out");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
  }

  private static SmtpMailSender sender() {
    return new SmtpMailSender(SmtpConfig.plain(SMTP.host(), SMTP.port(), FROM));
  }

  private static void assertPart(BodyPart part, String type, String expected) throws Exception {
    assertThat(part.getContentType()).startsWith(type).containsIgnoringCase("charset=UTF-8");
    assertThat((String) part.getContent()).contains(expected);
  }

  /** Accepts one connection and never writes the SMTP greeting. */
  private static void acceptAndHold(ServerSocket server) {
    try (Socket ignored = server.accept()) {
      Thread.sleep(10_000);
    } catch (Exception e) {
      // the test closed the server socket
    }
  }
}
