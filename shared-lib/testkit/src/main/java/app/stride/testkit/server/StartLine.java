package app.stride.testkit.server;

import java.lang.System.Logger.Level;

/** Logs the single line each launcher writes when its server is up. */
final class StartLine {

  private static final System.Logger LOG = System.getLogger("app.stride.testkit.server");

  private StartLine() {}

  static void log(String server, Object endpoint, String detail) {
    LOG.log(Level.INFO, "{0} ready at {1} ({2})", server, String.valueOf(endpoint), detail);
  }
}
