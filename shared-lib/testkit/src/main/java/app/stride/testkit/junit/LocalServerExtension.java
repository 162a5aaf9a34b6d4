package app.stride.testkit.junit;

import app.stride.testkit.server.LocalServer;
import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Base of the server extensions: register a subclass as a {@code static} field with
 * {@code @RegisterExtension}; before the class runs it acquires a server in a clean state (started
 * for the class, or shared and reset), and after the class it releases it.
 *
 * <p>Test classes using the same extension type must not run concurrently.
 *
 * @param <S> the launcher type
 */
public abstract class LocalServerExtension<S extends LocalServer>
    implements BeforeAllCallback, AfterAllCallback {

  private S server;

  /** Subclasses only. */
  protected LocalServerExtension() {}

  @Override
  public final void beforeAll(ExtensionContext context) {
    server = null;
    S acquired = acquire(context);
    prepareForClass(acquired);
    server = acquired;
  }

  @Override
  public final void afterAll(ExtensionContext context) {
    S released = server;
    server = null;
    if (released != null) {
      releaseAfterClass(released);
    }
  }

  /** Starts a server for this class, or returns the shared one. */
  protected abstract S acquire(ExtensionContext context);

  /** Makes the server's state clean for a new class (e.g. reset a shared server). */
  protected void prepareForClass(S server) {}

  /** Stops a per-class server; shared servers stay up. */
  protected void releaseAfterClass(S server) {}

  /** The server of the running class. */
  public S server() {
    if (server == null) {
      throw new IllegalStateException(
          getClass().getSimpleName()
              + " has no server: register it on a static field with @RegisterExtension and use it"
              + " from test methods or @BeforeAll");
    }
    return server;
  }

  /** The server's base URI. */
  public URI endpoint() {
    return server().endpoint();
  }

  /** The server's host (a loopback address). */
  public String host() {
    return server().host();
  }

  /** The server's port. */
  public int port() {
    return server().port();
  }

  /** The running test class's name, for messages. */
  protected static String suiteName(ExtensionContext context) {
    return context.getTestClass().map(Class::getName).orElse(context.getDisplayName());
  }
}
