package app.stride.auth.mail;

import java.util.Objects;

/**
 * A rendered mail to one recipient: a short subject and the same content as plain text and as
 * simple HTML (sent together as {@code multipart/alternative}).
 *
 * <p>The body usually holds a one-time link, so {@link #toString()} shows only the recipient's
 * domain and the subject.
 *
 * @param to the recipient address
 * @param subject the subject line, a single line
 * @param text the plain-text body
 * @param html the HTML body; every variable part already escaped
 */
public record MailMessage(String to, String subject, String text, String html) {

  /**
   * @throws IllegalArgumentException when a part is blank, or the recipient or subject holds a line
   *     break (header injection)
   */
  public MailMessage {
    requireSingleLine(to, "to");
    requireSingleLine(subject, "subject");
    requireText(text, "text");
    requireText(html, "html");
  }

  private static void requireSingleLine(String value, String name) {
    requireText(value, name);
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(name + " must be a single line");
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /** The recipient's domain and the subject only: the body may hold a one-time token. */
  @Override
  public String toString() {
    int at = to.lastIndexOf('@');
    String domain = at >= 0 ? to.substring(at + 1) : "?";
    return "MailMessage[to=…@" + domain + ", subject=" + subject + "]";
  }
}
