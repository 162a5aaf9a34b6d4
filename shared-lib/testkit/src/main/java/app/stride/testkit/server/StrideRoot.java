package app.stride.testkit.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the root of the Stride source tree, which holds {@code tools/local-servers}: the system
 * property {@code stride.root} when set (Failsafe sets it), else the nearest directory at or above
 * the working directory that contains {@code tools/local-servers/package.json}.
 */
public final class StrideRoot {

  /** System property naming the root explicitly. */
  public static final String PROPERTY = "stride.root";

  static final Path MARKER = Path.of("tools", "local-servers", "package.json");

  private StrideRoot() {}

  /** Locates the root from the system property or the working directory. */
  public static Path locate() {
    return locate(System.getProperty(PROPERTY), Path.of(System.getProperty("user.dir")));
  }

  static Path locate(String explicitRoot, Path workingDirectory) {
    if (explicitRoot != null && !explicitRoot.isBlank()) {
      Path root = Path.of(explicitRoot).toAbsolutePath().normalize();
      if (!Files.isRegularFile(root.resolve(MARKER))) {
        throw new ServerStartException(
            "-D"
                + PROPERTY
                + "="
                + explicitRoot
                + " has no "
                + MARKER
                + ": point it at the Stride repository root");
      }
      return root;
    }
    return walkUp(workingDirectory.toAbsolutePath().normalize())
        .orElseThrow(
            () ->
                new ServerStartException(
                    "cannot find the Stride repository root (a directory holding "
                        + MARKER
                        + ") at or above "
                        + workingDirectory
                        + "; run from inside the"
                        + " repository or pass -D"
                        + PROPERTY
                        + "=/path/to/repo"));
  }

  private static Optional<Path> walkUp(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(MARKER))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }
}
