package app.stride.testkit.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for emulators that are Java programs, run with this JVM's own {@code java}. */
final class JavaCommand {

  /**
   * A heap cap (otherwise each child JVM may take a quarter of the memory), and the client compiler
   * with the serial collector: emulators start about a third faster that way on two cores, and
   * their throughput is never the bottleneck of a test or of the local platform.
   */
  static final List<String> DEFAULT_FLAGS =
      List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private JavaCommand() {}

  static List<String> of(List<String> jvmFlags, List<String> mainAndArgs) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(DEFAULT_FLAGS);
    command.addAll(jvmFlags);
    command.addAll(mainAndArgs);
    return command;
  }
}
