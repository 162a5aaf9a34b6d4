package app.stride.local.mail;

import java.time.Instant;
import java.util.List;

/**
 * One received message as {@code GET /dev/mail} lists it ({@code DevMailMessage} in {@code
 * local-dev.yaml}).
 *
 * @param to the recipient, as the message was sent
 * @param subject the subject
 * @param text the plain-text body
 * @param links the {@code http} and {@code https} links in the text, in order
 * @param receivedAt when the server received it
 */
public record DevMail(
    String to, String subject, String text, List<String> links, Instant receivedAt) {
  public DevMail {
    links = List.copyOf(links);
  }
}
