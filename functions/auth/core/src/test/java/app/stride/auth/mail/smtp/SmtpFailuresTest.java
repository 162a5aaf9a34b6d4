package app.stride.auth.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.mail.MailUnavailableException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

class SmtpFailuresTest {

  @Test
  void authenticationFailure_isPermanent_andDoesNotRepeatTheServerReply() {
    MailUnavailableException e =
        SmtpFailures.translate(
            new AuthenticationFailedException("535 auth failed for user mailer pw=hunter2"));

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo("SMTP authentication failed");
    assertThat(e.getCause()).isNull();
  }

  @Test
  void connectionRefused_isRetryable() {
    MailUnavailableException e =
        SmtpFailures.translate(
            new MailConnectException(
                new SocketConnectException(
                    "refused", new ConnectException("refused"), "smtp.test", 25, 1000)));

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).isEqualTo("SMTP server unreachable");
  }

  @Test
  void readTimeout_isRetryable() {
    MailUnavailableException e =
        SmtpFailures.translate(
            new MessagingException("Exception reading response", new SocketTimeoutException()));

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).isEqualTo("SMTP server timed out");
  }

  @Test
  void temporaryRefusal_4xx_isRetryable_permanent_5xx_isNot() throws Exception {
    Address[] none = new Address[0];
    MailUnavailableException temporary =
        SmtpFailures.translate(
            new SMTPSendFailedException("DATA", 451, "451 try later", null, none, none, none));
    InternetAddress recipient = new InternetAddress("runner@example.org");
    MailUnavailableException permanent =
        SmtpFailures.translate(
            new SendFailedException(
                "Invalid Addresses",
                new SMTPAddressFailedException(recipient, "RCPT", 550, "550 no such user runner"),
                none,
                none,
                new Address[] {recipient}));

    assertThat(temporary.retryable()).isTrue();
    assertThat(temporary.getMessage()).isEqualTo("SMTP server refused the message (reply 451)");
    assertThat(permanent.retryable()).isFalse();
    assertThat(permanent.getMessage())
        .isEqualTo("SMTP server refused the message (reply 550)")
        .doesNotContain("runner");
  }
}
