package app.stride.testkit.server;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds executables on a {@code PATH}-style search list. */
final class Executables {

  private Executables() {}

  static Optional<Path> onPath(String executable) {
    return onPath(executable, System.getenv("PATH"));
  }

  static Optional<Path> onPath(String executable, String searchPath) {
    if (searchPath == null) {
      return Optional.empty();
    }
    for (String dir : searchPath.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, executable);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
