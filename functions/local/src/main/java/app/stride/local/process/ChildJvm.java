package app.stride.local.process;

import app.stride.testkit.server.Loopback;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM started with its own class path and environment, as a cloud runtime starts a function: the
 * function reads its configuration from environment variables set here, never from the parent. Its
 * output is forwarded to the parent's log with a prefix; the child is killed on close and when the
 * parent exits.
 */
public final class ChildJvm implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChildJvm.class);

  /**
   * A compact JWS: functions must never log one, and if one does, the platform does not repeat it.
   */
  private static final java.util.regex.Pattern JWT =
      java.util.regex.Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]+");

  private final String name;
  private final Process process;
  private final CountDownLatch ready = new CountDownLatch(1);

  private ChildJvm(String name, Process process, String readyLine) {
    this.name = name;
    this.process = process;
    Thread pump = new Thread(() -> pump(readyLine), "child-" + name);
    pump.setDaemon(true);
    pump.start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
  }

  /**
   * Starts {@code mainClass} on {@code classPath} and waits until it prints a line containing
   * {@code readyLine} and, when {@code readyPort} is positive, until that loopback port accepts
   * connections. A port that already accepts before the child starts belongs to someone else: the
   * start fails rather than calling the child ready because another process answers.
   */
  public static ChildJvm start(
      String name,
      List<Path> classPath,
      List<String> jvmFlags,
      String mainClass,
      List<String> args,
      Map<String, String> env,
      String readyLine,
      int readyPort,
      Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(
        String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
    command.add(mainClass);
    command.addAll(args);
    if (readyPort > 0 && Loopback.accepts(Loopback.HOST, readyPort)) {
      throw new IllegalStateException(
          "cannot start " + name + ": port " + readyPort + " is already served by another process");
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("STRIDE_") || k.startsWith("AWS_"));
    builder.environment().putAll(env);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
    ChildJvm child = new ChildJvm(name, process, readyLine);
    long deadline = System.nanoTime() + timeout.toNanos();
    child.awaitReady(timeout);
    if (readyPort > 0) {
      child.awaitPort(readyPort, deadline, timeout);
    }
    return child;
  }

  private void awaitPort(int port, long deadline, Duration timeout) {
    while (process.isAlive()) {
      if (Loopback.accepts(Loopback.HOST, port)) {
        return;
      }
      if (System.nanoTime() >= deadline) {
        close();
        throw new IllegalStateException(
            name + " did not accept connections on port " + port + " within " + timeout);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted while starting " + name, e);
      }
    }
    throw new IllegalStateException(name + " exited during start with " + process.exitValue());
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  private void awaitReady(Duration timeout) {
    try {
      if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        close();
        throw new IllegalStateException(name + " did not become ready within " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while starting " + name, e);
    }
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " exited during start with " + process.exitValue());
    }
  }

  private void pump(String readyLine) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        log.info("[{}] {}", name, JWT.matcher(line).replaceAll("[redacted JWT]"));
        if (line.contains(readyLine)) {
          ready.countDown();
        }
      }
    } catch (IOException e) {
      log.debug("[{}] output closed: {}", name, e.toString());
    } finally {
      ready.countDown();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
