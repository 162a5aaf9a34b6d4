package app.stride.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback address helpers: picking a free port and probing a TCP port. */
public final class Loopback {

  /** The address every launcher binds to. */
  public static final String HOST = "127.0.0.1";

  private Loopback() {}

  /** Returns a port that was free on {@link #HOST} a moment ago. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  /** Returns the given port, or a free one when it is 0. */
  public static int portOrFree(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    return port == 0 ? freePort() : port;
  }

  /** True when something accepts TCP connections on {@code host:port}. */
  public static boolean accepts(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 250);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
