package app.stride.testkit.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm packages under {@code tools/local-servers}: installs them with {@code npm ci} (falling
 * back to {@code npm install}) the first time a launcher needs them, so a fresh clone works. One
 * install at a time per machine: a JVM-wide monitor plus a file lock shared by concurrent JVMs.
 */
final class LocalServersPackages {

  private static final Object JVM_LOCK = new Object();
  private static final long NPM_TIMEOUT_MINUTES = 5;

  private LocalServersPackages() {}

  /** Path of an executable in {@code node_modules/.bin}, installing the packages if needed. */
  static Path binary(Path strideRoot, String name) {
    Path packageDir = strideRoot.resolve("tools").resolve("local-servers");
    Path binary = packageDir.resolve("node_modules").resolve(".bin").resolve(name);
    if (Files.isExecutable(binary)) {
      return binary;
    }
    synchronized (JVM_LOCK) {
      try (FileChannel channel = FileChannel.open(lockFile(packageDir), lockOptions())) {
        FileLock lock = channel.lock();
        try {
          if (!Files.isExecutable(binary)) {
            install(packageDir);
          }
        } finally {
          lock.release();
        }
      } catch (IOException e) {
        throw new ServerStartException("cannot lock the npm install of " + packageDir, e);
      }
    }
    if (!Files.isExecutable(binary)) {
      throw new ServerStartException(
          "npm installed " + packageDir + " but " + binary + " is missing; check package.json");
    }
    return binary;
  }

  private static StandardOpenOption[] lockOptions() {
    return new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE};
  }

  private static Path lockFile(Path packageDir) {
    String key = Integer.toHexString(packageDir.toAbsolutePath().normalize().hashCode());
    return Path.of(System.getProperty("java.io.tmpdir"), "stride-npm-install-" + key + ".lock");
  }

  private static void install(Path packageDir) {
    Path log = ServerLogs.file("npm-install.log");
    if (runNpm(packageDir, "ci", log) == 0 || runNpm(packageDir, "install", log) == 0) {
      return;
    }
    throw new ServerStartException(
        "npm ci and npm install both failed in " + packageDir + "; see " + log);
  }

  private static int runNpm(Path packageDir, String command, Path log) {
    List<String> cmd = List.of("npm", command, "--no-audit", "--no-fund");
    try {
      Process npm =
          new ProcessBuilder(cmd)
              .directory(packageDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      if (!npm.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        npm.destroyForcibly();
        return -1;
      }
      return npm.exitValue();
    } catch (IOException e) {
      throw new ServerStartException(
          "npm is not installed (needed once to install dynalite into "
              + packageDir
              + "): install Node.js 18+ with npm, e.g. apt-get install -y nodejs npm",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("interrupted during npm " + command, e);
    }
  }
}
