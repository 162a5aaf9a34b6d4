package app.stride.auth.mail.smtp;

import app.stride.auth.mail.MailMessage;
import app.stride.auth.mail.MailPort;
import app.stride.auth.mail.MailUnavailableException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail over SMTP with Angus Mail: one connection per message, {@code multipart/alternative}
 * with the text part first and the HTML part second, connect and read timeouts always set, STARTTLS
 * required (with server identity check) when configured.
 *
 * <p>Thread-safe; build one per function instance. Failures become {@link
 * MailUnavailableException}; the log line and the message name only the server and the kind of
 * failure.
 */
public final class SmtpMailSender implements MailPort {
  private static final Logger log = LoggerFactory.getLogger(SmtpMailSender.class);
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final SmtpConfig config;
  private final Session session;
  private final InternetAddress from;
  private final Clock clock;

  /** A sender for {@code config}, dating messages by the system clock. */
  public SmtpMailSender(SmtpConfig config) {
    this(config, Clock.systemUTC());
  }

  /** A sender for {@code config}, dating messages by {@code clock}. */
  public SmtpMailSender(SmtpConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.from = parse(config.from());
    this.session = Session.getInstance(sessionProperties(config, from));
  }

  @Override
  public void send(MailMessage message) {
    Objects.requireNonNull(message, "message");
    try {
      MimeMessage mime = compose(message);
      try (Transport transport = session.getTransport("smtp")) {
        transport.connect(
            config.host(),
            config.port(),
            config.username().orElse(null),
            config.password().orElse(null));
        transport.sendMessage(mime, mime.getAllRecipients());
      }
    } catch (MessagingException e) {
      MailUnavailableException failure = SmtpFailures.translate(e);
      log.warn(
          "mail not sent via SMTP {}:{}: {}", config.host(), config.port(), failure.getMessage());
      throw failure;
    }
  }

  private MimeMessage compose(MailMessage message) throws MessagingException {
    MimeMessage mime = new MimeMessage(session);
    mime.setFrom(from);
    mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
    mime.setSubject(message.subject(), UTF_8);
    mime.setSentDate(Date.from(clock.instant()));
    // RFC 3834: an automatic message; tells auto-responders not to answer it.
    mime.setHeader("Auto-Submitted", "auto-generated");

    MimeBodyPart text = new MimeBodyPart();
    text.setText(message.text(), UTF_8, "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(message.html(), UTF_8, "html");
    mime.setContent(new MimeMultipart("alternative", text, html));
    mime.saveChanges();
    return mime;
  }

  static Properties sessionProperties(SmtpConfig config, InternetAddress from) {
    Properties props = new Properties();
    props.put("mail.transport.protocol", "smtp");
    props.put("mail.smtp.host", config.host());
    props.put("mail.smtp.port", String.valueOf(config.port()));
    props.put("mail.smtp.connectiontimeout", String.valueOf(config.connectTimeout().toMillis()));
    props.put("mail.smtp.timeout", String.valueOf(config.readTimeout().toMillis()));
    props.put("mail.smtp.writetimeout", String.valueOf(config.readTimeout().toMillis()));
    props.put("mail.smtp.from", from.getAddress());
    // The EHLO name: the sender's domain, instead of a reverse lookup of this machine's name.
    props.put("mail.smtp.localhost", domainOf(from.getAddress()));
    props.put("mail.smtp.auth", String.valueOf(config.authenticates()));
    if (config.startTls()) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
      props.put("mail.smtp.ssl.checkserveridentity", "true");
      props.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
    }
    return props;
  }

  private static String domainOf(String address) {
    return address.substring(address.lastIndexOf('@') + 1);
  }

  private static InternetAddress parse(String address) {
    try {
      return new InternetAddress(address, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("SMTP from is not a valid address");
    }
  }

  @Override
  public String toString() {
    return "SmtpMailSender[" + config.host() + ":" + config.port() + "]";
  }
}
