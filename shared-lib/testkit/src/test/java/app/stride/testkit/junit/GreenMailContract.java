package app.stride.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Run by two IT classes: each finds an empty server (one per class), then receives its mail. */
abstract class GreenMailContract {

  @RegisterExtension static final GreenMailExtension SMTP = new GreenMailExtension();

  @Test
  void freshServerPerClass_mailSentOverSmtpIsReceived() throws Exception {
    assertThat(SMTP.receivedMessages()).isEmpty();
    Properties props = new Properties();
    props.put("mail.smtp.host", SMTP.host());
    props.put("mail.smtp.port", String.valueOf(SMTP.port()));
    MimeMessage mail = new MimeMessage(Session.getInstance(props));
    mail.setFrom(new InternetAddress("noreply@stride.app"));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress("runner@example.org"));
    mail.setSubject("Welcome from " + getClass().getSimpleName());
    mail.setText("Your first plan is ready.");

    Transport.send(mail);

    assertThat(SMTP.awaitMessages(1, Duration.ofSeconds(5))).isTrue();
    assertThat(SMTP.receivedMessages()).hasSize(1);
    MimeMessage received = SMTP.receivedMessages().get(0);
    assertThat(received.getSubject()).isEqualTo("Welcome from " + getClass().getSimpleName());
    assertThat(received.getAllRecipients()[0].toString()).isEqualTo("runner@example.org");
  }
}
