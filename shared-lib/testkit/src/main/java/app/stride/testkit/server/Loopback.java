package app.stride.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Loopback address helpers: picking a free port and probing a TCP port. */
public final class Loopback {

  /** The address every launcher binds to. */
  public static final String HOST = "127.0.0.1";

  /**
   * Ports this JVM has handed out. A port is picked by binding port 0 and closing the socket; the
   * caller binds it later, often from a child process seconds later, and the kernel may pick the
   * same port again in between. Two servers of one run then race for it and the loser's callers
   * talk to the winner (CI saw a local function's HTTP calls answered by another function's host).
   */
  private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

  private static final int ATTEMPTS = 100;

  private Loopback() {}

  /**
   * Returns a port that was free on {@link #HOST} a moment ago and that this JVM has not handed out
   * before.
   */
  public static int freePort() {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = ephemeralPort();
      if (handedOut.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no loopback port left that this JVM has not handed out");
  }

  private static int ephemeralPort() {
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
