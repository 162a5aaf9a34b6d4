package app.stride.local.process;

import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A child process for {@link ChildJvmTest}: prints the ready line, then listens on the given port
 * ({@code listen}), never listens ({@code silent}), or exits as a server that failed to bind would
 * ({@code exit}).
 */
public final class ReadyChild {
  static final String READY = "ready-child serving";

  private ReadyChild() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int port = Integer.parseInt(args[1]);
    switch (mode) {
      case "listen" -> {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
          System.out.println(READY);
          Thread.sleep(60_000);
        }
      }
      case "silent" -> {
        System.out.println(READY);
        Thread.sleep(60_000);
      }
      case "exit" -> {
        System.out.println("cannot bind " + port);
        System.exit(3);
      }
      default -> throw new IllegalArgumentException(mode);
    }
  }
}
