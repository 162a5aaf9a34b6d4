package app.stride.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where child processes write their output: {@code -Dstride.server.logs=DIR}, else {@code
 * target/local-servers} under the working directory when {@code target} exists (a Maven module),
 * else a folder in the temporary directory.
 */
final class ServerLogs {

  private ServerLogs() {}

  static Path fileFor(String name, int port) {
    return file(name + "-" + port + ".log");
  }

  static Path file(String fileName) {
    Path dir = directory();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create log directory " + dir, e);
    }
    return dir.resolve(fileName);
  }

  private static Path directory() {
    String configured = System.getProperty("stride.server.logs");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path target = Path.of(System.getProperty("user.dir"), "target");
    if (Files.isDirectory(target)) {
      return target.resolve("local-servers");
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "stride-local-servers");
  }
}
