package app.stride.testkit.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Locates the Google Cloud CLI install root ({@code sdk_root}), which holds the emulator jars.
 *
 * <p>Order: the environment variables {@code CLOUDSDK_ROOT} then {@code STRIDE_GCLOUD_SDK}; then
 * the {@code gcloud} found on {@code PATH}: its real location's grandparent when that holds {@code
 * platform/} (instant), else {@code gcloud info --format=value(installation.sdk_root)} (about 3 s,
 * so only as a fallback); finally {@code /usr/lib/google-cloud-sdk}. The answer is computed once
 * per JVM.
 */
public final class GcloudSdk {

  /** Environment variables naming the SDK root explicitly, in the order they are read. */
  public static final List<String> ROOT_VARIABLES = List.of("CLOUDSDK_ROOT", "STRIDE_GCLOUD_SDK");

  /** Where Debian's google-cloud-cli package installs the SDK. */
  public static final Path DEFAULT_ROOT = Path.of("/usr/lib/google-cloud-sdk");

  /** Outcome of a lookup: the root if found, and what was tried (for error messages). */
  record Lookup(Optional<Path> root, List<String> tried) {
    String describeTried() {
      return String.join("; ", tried);
    }
  }

  private static Lookup cached;

  private GcloudSdk() {}

  /** The SDK root of this machine, if the Google Cloud CLI is installed. */
  public static Optional<Path> root() {
    return lookup().root();
  }

  static synchronized Lookup lookup() {
    if (cached == null) {
      cached =
          locate(System.getenv(), Executables.onPath("gcloud"), GcloudSdk::askGcloud, DEFAULT_ROOT);
    }
    return cached;
  }

  static Lookup locate(
      Map<String, String> env,
      Optional<Path> gcloudOnPath,
      Supplier<Optional<Path>> gcloudInfo,
      Path defaultRoot) {
    List<String> tried = new ArrayList<>();
    for (String variable : ROOT_VARIABLES) {
      String value = env.get(variable);
      if (value == null || value.isBlank()) {
        tried.add(variable + " is not set");
      } else if (Files.isDirectory(Path.of(value))) {
        return new Lookup(Optional.of(Path.of(value)), tried);
      } else {
        tried.add(variable + "=" + value + " is not a directory");
      }
    }
    if (gcloudOnPath.isEmpty()) {
      tried.add("no gcloud on PATH");
    } else {
      Optional<Path> fromPath = rootBeside(gcloudOnPath.get()).or(gcloudInfo);
      if (fromPath.isPresent()) {
        return new Lookup(fromPath, tried);
      }
      tried.add("gcloud at " + gcloudOnPath.get() + " did not report an installation.sdk_root");
    }
    if (Files.isDirectory(defaultRoot)) {
      return new Lookup(Optional.of(defaultRoot), tried);
    }
    tried.add(defaultRoot + " does not exist");
    return new Lookup(Optional.empty(), tried);
  }

  /** {@code <root>/bin/gcloud} means {@code <root>} when it has a {@code platform} folder. */
  static Optional<Path> rootBeside(Path gcloud) {
    try {
      Path real = gcloud.toRealPath();
      Path root = real.getParent() == null ? null : real.getParent().getParent();
      if (root != null && Files.isDirectory(root.resolve("platform"))) {
        return Optional.of(root);
      }
    } catch (IOException e) {
      // broken link: fall through to the next method
    }
    return Optional.empty();
  }

  private static Optional<Path> askGcloud() {
    try {
      Process gcloud =
          new ProcessBuilder("gcloud", "info", "--format=value(installation.sdk_root)")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!gcloud.waitFor(20, TimeUnit.SECONDS)) {
        gcloud.destroyForcibly();
        return Optional.empty();
      }
      String out =
          new String(gcloud.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return out.isEmpty() || !Files.isDirectory(Path.of(out))
          ? Optional.empty()
          : Optional.of(Path.of(out));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
