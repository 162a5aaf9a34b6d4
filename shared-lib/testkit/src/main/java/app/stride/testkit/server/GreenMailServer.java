package app.stride.testkit.server;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * GreenMail's SMTP server embedded in this JVM: it accepts any sender and recipient and keeps every
 * message in memory for {@link #receivedMessages()}.
 */
public final class GreenMailServer implements LocalServer {

  private final URI endpoint;
  private final GreenMail greenMail;
  private boolean closed;

  private GreenMailServer(URI endpoint, GreenMail greenMail) {
    this.endpoint = endpoint;
    this.greenMail = greenMail;
  }

  /** Starts an SMTP server on a free loopback port. */
  public static GreenMailServer start() {
    return start(0);
  }

  /** Starts an SMTP server on {@code port} (0 picks a free one). */
  public static GreenMailServer start(int port) {
    int chosenPort = Loopback.portOrFree(port);
    GreenMail greenMail =
        new GreenMail(new ServerSetup(chosenPort, Loopback.HOST, ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    URI endpoint = URI.create("smtp://" + Loopback.HOST + ":" + chosenPort);
    GreenMailServer server = new GreenMailServer(endpoint, greenMail);
    ShutdownHooks.register(server);
    StartLine.log("GreenMail SMTP", endpoint, "in-process");
    return server;
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  /** Every message received so far, oldest first. */
  public List<MimeMessage> receivedMessages() {
    return List.of(greenMail.getReceivedMessages());
  }

  /** Waits until at least {@code count} messages arrived; false on timeout. */
  public boolean awaitMessages(int count, Duration timeout) {
    return greenMail.waitForIncomingEmail(timeout.toMillis(), count);
  }

  /** Deletes every received message. */
  public void reset() {
    try {
      greenMail.purgeEmailFromAllMailboxes();
    } catch (FolderException e) {
      throw new IllegalStateException("cannot purge GreenMail mailboxes", e);
    }
  }

  /** The underlying GreenMail, for anything this class does not cover. */
  public GreenMail greenMail() {
    return greenMail;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ShutdownHooks.unregister(this);
    greenMail.stop();
  }

  @Override
  public String toString() {
    return "GreenMail SMTP at " + endpoint;
  }
}
