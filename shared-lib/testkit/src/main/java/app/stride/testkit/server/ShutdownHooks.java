package app.stride.testkit.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One JVM shutdown hook that closes every server still open, newest first, so no child process
 * outlives the JVM even when a test run is interrupted or a caller forgets {@code close()}.
 */
final class ShutdownHooks {

  private static final Set<AutoCloseable> OPEN = new LinkedHashSet<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ShutdownHooks::closeAll, "stride-local-servers-shutdown"));
  }

  private ShutdownHooks() {}

  static synchronized void register(AutoCloseable server) {
    OPEN.add(server);
  }

  static synchronized void unregister(AutoCloseable server) {
    OPEN.remove(server);
  }

  private static void closeAll() {
    List<AutoCloseable> open;
    synchronized (ShutdownHooks.class) {
      open = new ArrayList<>(OPEN);
      OPEN.clear();
    }
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        System.err.println("stride: could not stop " + open.get(i) + ": " + e);
      }
    }
  }
}
