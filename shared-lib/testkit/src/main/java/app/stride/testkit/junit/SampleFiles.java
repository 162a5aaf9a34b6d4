package app.stride.testkit.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The real device recordings beside the repository ({@code ../shared/samples}, or {@code
 * -Dstride.samples.dir}). They are reference data that is not part of the project: a suite that
 * needs them runs when they are there and, when not, says so loudly (stderr and {@code
 * target/NOT-RUN.txt}) instead of passing.
 */
public final class SampleFiles {
  /** The property naming another samples folder. */
  public static final String PROPERTY = "stride.samples.dir";

  private SampleFiles() {}

  /**
   * The samples folder, found from {@code root} (the repository root), or empty after reporting
   * {@code suite} as not run.
   */
  public static Optional<Path> find(Path root, String suite) {
    String configured = System.getProperty(PROPERTY);
    Path dir =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : root.toAbsolutePath().normalize().resolveSibling("shared").resolve("samples");
    if (Files.isDirectory(dir)) {
      return Optional.of(dir);
    }
    String rule = "#".repeat(100);
    String banner =
        String.join(
            System.lineSeparator(),
            rule,
            "### NOT RUN: " + suite,
            "### needs:   the sample recordings at " + dir + " (or -D" + PROPERTY + "=DIR)",
            "### why:     the folder is absent on this machine",
            "### at:      " + Instant.now(),
            rule,
            "");
    System.err.print(System.lineSeparator() + banner);
    Path report = Path.of(System.getProperty("user.dir"), "target", "NOT-RUN.txt");
    try {
      Files.createDirectories(report.getParent());
      Files.writeString(
          report,
          banner,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.empty();
  }
}
