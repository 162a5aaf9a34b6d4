package app.stride.testkit.server;

import java.net.URI;

/**
 * A real server started on the loopback interface for tests or for the local platform.
 *
 * <p>Closing it stops the server (and any child process it started); closing twice is harmless. A
 * JVM shutdown hook closes servers that were never closed explicitly.
 */
public interface LocalServer extends AutoCloseable {

  /** Base URI clients connect to, e.g. {@code http://127.0.0.1:41234}. */
  URI endpoint();

  /** Host the server listens on (always a loopback address). */
  default String host() {
    return endpoint().getHost();
  }

  /** Port the server listens on. */
  default int port() {
    return endpoint().getPort();
  }

  /** Stops the server; never throws a checked exception. */
  @Override
  void close();
}
