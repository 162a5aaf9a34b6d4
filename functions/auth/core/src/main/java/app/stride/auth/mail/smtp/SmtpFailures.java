package app.stride.auth.mail.smtp;

import app.stride.auth.mail.MailUnavailableException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Translates Jakarta Mail failures into {@link MailUnavailableException}. The driver's messages can
 * quote server replies and addresses, so only the kind of failure and the SMTP reply code make it
 * into the new message; the driver's exception is not chained.
 */
final class SmtpFailures {
  private SmtpFailures() {}

  static MailUnavailableException translate(MessagingException e) {
    if (e instanceof AuthenticationFailedException) {
      return new MailUnavailableException("SMTP authentication failed", false);
    }
    if (e instanceof AddressException) {
      return new MailUnavailableException("SMTP recipient address is not valid", false);
    }
    Optional<Integer> reply = replyCode(e);
    if (reply.isPresent()) {
      int code = reply.get();
      return new MailUnavailableException(
          "SMTP server refused the message (reply " + code + ")", code >= 400 && code < 500);
    }
    if (find(e, SSLException.class).isPresent()) {
      return new MailUnavailableException("TLS with the SMTP server failed", false);
    }
    if (find(e, SocketTimeoutException.class).isPresent()) {
      return new MailUnavailableException("SMTP server timed out", true);
    }
    if (find(e, IOException.class).isPresent()) {
      return new MailUnavailableException("SMTP server unreachable", true);
    }
    return new MailUnavailableException(
        "SMTP delivery failed (" + e.getClass().getSimpleName() + ")", true);
  }

  /** The reply code of the first SMTP refusal in the chain. */
  private static Optional<Integer> replyCode(Throwable e) {
    return find(e, SMTPSendFailedException.class)
        .map(SMTPSendFailedException::getReturnCode)
        .or(() -> find(e, SMTPAddressFailedException.class).map(f -> f.getReturnCode()))
        .or(() -> find(e, SMTPSenderFailedException.class).map(f -> f.getReturnCode()))
        .filter(code -> code > 0);
  }

  /**
   * Searches the cause chain and Jakarta Mail's "next exception" chain, guarding against cycles.
   */
  private static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    Throwable current = e;
    while (current != null && seen.put(current, Boolean.TRUE) == null) {
      if (type.isInstance(current)) {
        return Optional.of(type.cast(current));
      }
      Throwable next = current.getCause();
      if (next == null && current instanceof MessagingException m) {
        next = m.getNextException();
      }
      current = next;
    }
    return Optional.empty();
  }
}
