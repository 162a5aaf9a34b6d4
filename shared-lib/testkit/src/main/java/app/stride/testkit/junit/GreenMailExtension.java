package app.stride.testkit.junit;

import app.stride.testkit.server.GreenMailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh GreenMail SMTP server per test class; read what arrived with {@link #receivedMessages()}.
 */
public final class GreenMailExtension extends LocalServerExtension<GreenMailServer> {

  @Override
  protected GreenMailServer acquire(ExtensionContext context) {
    return GreenMailServer.start();
  }

  @Override
  protected void releaseAfterClass(GreenMailServer server) {
    server.close();
  }

  /** Every message received in this class so far. */
  public List<MimeMessage> receivedMessages() {
    return server().receivedMessages();
  }

  /** Waits until at least {@code count} messages arrived; false on timeout. */
  public boolean awaitMessages(int count, Duration timeout) {
    return server().awaitMessages(count, timeout);
  }
}
