package app.stride.auth.aws.adapter.out.ses;

import app.stride.auth.mail.MailMessage;
import app.stride.auth.mail.MailPort;
import app.stride.auth.mail.MailUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Sends mail with Amazon SES v2 {@code SendEmail}: simple content (subject, text and HTML body, all
 * UTF-8), the configured sender and configuration set, one recipient.
 *
 * <p>Thread-safe; build one per function instance. Failures become {@link
 * MailUnavailableException}; the log line names the status and SES error code only.
 */
public final class SesMailSender implements MailPort {
  private static final Logger log = LoggerFactory.getLogger(SesMailSender.class);
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final SesV2Client client;
  private final SesMailSettings settings;

  /** A sender using {@code client}, which the caller builds (see {@link SesClients}) and closes. */
  public SesMailSender(SesV2Client client, SesMailSettings settings) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** A sender with its own client built from {@code settings}. */
  public static SesMailSender create(SesMailSettings settings) {
    return new SesMailSender(SesClients.client(settings), settings);
  }

  @Override
  public void send(MailMessage message) {
    Objects.requireNonNull(message, "message");
    try {
      String messageId = client.sendEmail(request(message)).messageId();
      log.debug("mail accepted by SES as {}", messageId);
    } catch (SdkException e) {
      MailUnavailableException failure = SesFailures.translate(e);
      log.warn("mail not sent via SES: {}", failure.getMessage());
      throw failure;
    }
  }

  SendEmailRequest request(MailMessage message) {
    return SendEmailRequest.builder()
        .fromEmailAddress(settings.fromAddress())
        .destination(d -> d.toAddresses(message.to()))
        .configurationSetName(settings.configurationSet())
        .content(
            c ->
                c.simple(
                    m ->
                        m.subject(utf8(message.subject()))
                            .body(b -> b.text(utf8(message.text())).html(utf8(message.html())))))
        .build();
  }

  private static Content utf8(String data) {
    return Content.builder().data(data).charset(UTF_8).build();
  }

  @Override
  public String toString() {
    return "SesMailSender[" + settings.awsRegion() + "]";
  }
}
