package app.stride.testkit.junit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The loud record of a suite that did not run because its server was declared absent: a banner on
 * stderr and the same text appended to {@code target/NOT-RUN.txt} (or {@code
 * -Dstride.notrun.file=PATH}), which CI can print at the end of the build.
 */
final class NotRunReport {

  static final String FILE_PROPERTY = "stride.notrun.file";
  private static final String RULE = "#".repeat(100);

  private NotRunReport() {}

  static Path defaultFile() {
    String configured = System.getProperty(FILE_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.dir"), "target", "NOT-RUN.txt");
  }

  static String banner(String suite, String server, String reason) {
    return String.join(
        System.lineSeparator(),
        RULE,
        "### NOT RUN: " + suite,
        "### needs:   " + server,
        "### why:     " + reason,
        "### because: the build declared the Google emulators absent ("
            + AbsentSwitch.PROPERTY
            + "=true or "
            + AbsentSwitch.ENVIRONMENT_VARIABLE
            + "=true)",
        "### at:      " + Instant.now(),
        RULE,
        "");
  }

  /** Prints the banner to {@code err} and appends it to {@code file}. */
  static void record(String suite, String server, String reason, PrintStream err, Path file) {
    String banner = banner(suite, server, reason);
    err.print(System.lineSeparator() + banner);
    err.flush();
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(
          file,
          banner,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }
}
