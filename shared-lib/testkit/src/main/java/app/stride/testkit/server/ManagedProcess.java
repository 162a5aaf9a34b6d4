package app.stride.testkit.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output goes to a log file and which is stopped together with all its
 * descendants on {@link #close()} or at JVM shutdown.
 */
final class ManagedProcess implements AutoCloseable {

  private static final long STOP_GRACE_SECONDS = 5;
  private static final int LOG_TAIL_LINES = 30;

  private final String name;
  private final Process process;
  private final Path log;

  private ManagedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} in {@code workDir} with extra environment variables. */
  static ManagedProcess start(
      String name, int port, List<String> command, Path workDir, Map<String, String> env) {
    Path log = ServerLogs.fileFor(name, port);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(env);
    try {
      ManagedProcess started = new ManagedProcess(name, builder.start(), log);
      ShutdownHooks.register(started);
      return started;
    } catch (IOException e) {
      throw new ServerStartException(
          "cannot run " + command.get(0) + " for " + name + ": " + e.getMessage(), e);
    }
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  /** A reason when the process has already exited, for readiness checks to fail fast. */
  Optional<String> exitReason() {
    if (process.isAlive()) {
      return Optional.empty();
    }
    return Optional.of(
        name
            + " exited with code "
            + process.exitValue()
            + "; last output ("
            + log
            + "):\n"
            + logTail());
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(
          "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** Stops the process tree: a polite signal first, then a forced kill after a grace period. */
  @Override
  public void close() {
    ShutdownHooks.unregister(this);
    List<ProcessHandle> tree = process.descendants().collect(java.util.stream.Collectors.toList());
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
