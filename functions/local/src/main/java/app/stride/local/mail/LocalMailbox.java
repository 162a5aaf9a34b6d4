package app.stride.local.mail;

import app.stride.testkit.server.GreenMailServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local SMTP server and what it received: every function that mails (sign-up, password reset,
 * lock notices) sends here, and a person reads the messages through {@code GET /dev/mail} instead
 * of a mail client. Messages live in memory since the platform started.
 */
public final class LocalMailbox implements AutoCloseable {
  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"')\\]]+");

  private final GreenMailServer server;
  private final Clock clock;

  /** When a message without a received or sent date was first listed, by its Message-ID. */
  private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();

  /** Over a running server; closing this mailbox stops it. */
  public LocalMailbox(GreenMailServer server, Clock clock) {
    this.server = server;
    this.clock = clock;
  }

  /** Starts an SMTP server on a free loopback port. */
  public static LocalMailbox start(Clock clock) {
    return new LocalMailbox(GreenMailServer.start(), clock);
  }

  /** The SMTP host functions send to. */
  public String smtpHost() {
    return server.endpoint().getHost();
  }

  /** The SMTP port functions send to. */
  public int smtpPort() {
    return server.endpoint().getPort();
  }

  /** The messages received for {@code address} (case-insensitive), oldest first. */
  public List<DevMail> messagesTo(String address) {
    String wanted = address.strip().toLowerCase(Locale.ROOT);
    List<DevMail> found = new ArrayList<>();
    for (MimeMessage message : server.receivedMessages()) {
      try {
        for (String recipient : recipients(message)) {
          if (recipient.toLowerCase(Locale.ROOT).equals(wanted)) {
            found.add(view(recipient, message));
            break;
          }
        }
      } catch (MessagingException | IOException e) {
        throw new IllegalStateException("cannot read a received message", e);
      }
    }
    found.sort(Comparator.comparing(DevMail::receivedAt));
    return found;
  }

  /** The {@code http} and {@code https} links in {@code text}, in order. */
  static List<String> links(String text) {
    List<String> links = new ArrayList<>();
    Matcher matcher = LINK.matcher(text);
    while (matcher.find()) {
      String link = matcher.group();
      while (link.endsWith(".") || link.endsWith(",") || link.endsWith(";")) {
        link = link.substring(0, link.length() - 1);
      }
      links.add(link);
    }
    return links;
  }

  private DevMail view(String recipient, MimeMessage message)
      throws MessagingException, IOException {
    String text = plainText(message);
    return new DevMail(
        recipient,
        message.getSubject() == null ? "" : message.getSubject(),
        text,
        links(text),
        receivedAt(message));
  }

  private static List<String> recipients(MimeMessage message) throws MessagingException {
    List<String> addresses = new ArrayList<>();
    jakarta.mail.Address[] to = message.getRecipients(Message.RecipientType.TO);
    if (to != null) {
      for (jakarta.mail.Address address : to) {
        if (address instanceof InternetAddress internet) {
          addresses.add(internet.getAddress());
        }
      }
    }
    return addresses;
  }

  /** The first {@code text/plain} part; the HTML part without tags when there is none. */
  static String plainText(Part part) throws MessagingException, IOException {
    String plain = firstOf(part, "text/plain");
    if (plain != null) {
      return plain;
    }
    String html = firstOf(part, "text/html");
    return html == null ? "" : html.replaceAll("<[^>]+>", " ").replaceAll("[ \\t]+", " ").strip();
  }

  private static String firstOf(Part part, String mimeType) throws MessagingException, IOException {
    if (part.isMimeType(mimeType) && part.getContent() instanceof String text) {
      return text;
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String found = firstOf(child, mimeType);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private Instant receivedAt(MimeMessage message) throws MessagingException {
    if (message.getReceivedDate() != null) {
      return message.getReceivedDate().toInstant();
    }
    if (message.getSentDate() != null) {
      return message.getSentDate().toInstant();
    }
    String id = message.getMessageID();
    return id == null ? clock.instant() : firstSeen.computeIfAbsent(id, k -> clock.instant());
  }

  @Override
  public void close() {
    server.close();
  }
}
