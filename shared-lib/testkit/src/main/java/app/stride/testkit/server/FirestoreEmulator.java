package app.stride.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Google Cloud CLI Firestore emulator ({@code cloud-firestore-emulator.jar}) as a child JVM.
 *
 * <p>Clients reach it with {@code FirestoreOptions.newBuilder().setProjectId(p)
 * .setEmulatorHost(emulator.emulatorHost())} and no credentials set. {@link #reset()} deletes all
 * documents of a project.
 *
 * <p>Persistence: with a {@linkplain Builder#dataDir data directory}, {@link #close()} exports the
 * builder's project into it through the emulator's export endpoint, and the next start imports the
 * newest export ({@code --import-data}). The emulator's own {@code --export-on-exit} flag writes
 * nothing when the process is stopped, so it is not used.
 */
public final class FirestoreEmulator implements LocalServer {

  /** Project id used when none is given. */
  public static final String DEFAULT_PROJECT = "stride-local";

  static final String MAIN_CLASS = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";
  private static final String EXPORT_PREFIX = "firestore_export_";

  private final URI endpoint;
  private final String projectId;
  private final Path dataDir;
  private final ManagedProcess process;
  private boolean closed;

  private FirestoreEmulator(URI endpoint, String projectId, Path dataDir, ManagedProcess process) {
    this.endpoint = endpoint;
    this.projectId = projectId;
    this.dataDir = dataDir;
    this.process = process;
  }

  /** Starts an emulator on a free loopback port, with data in memory. */
  public static FirestoreEmulator start() {
    return builder().start();
  }

  /** Options: port, project id, data directory, start timeout. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  /**
   * {@code host:port}, the value for {@code setEmulatorHost} or {@code FIRESTORE_EMULATOR_HOST}.
   */
  public String emulatorHost() {
    return host() + ":" + port();
  }

  /** The project this emulator was started for (reset and persistence default to it). */
  public String projectId() {
    return projectId;
  }

  /** Deletes every document of {@link #projectId()}'s default database. */
  public void reset() {
    reset(projectId);
  }

  /** Deletes every document of {@code project}'s default database. */
  public void reset(String project) {
    URI uri =
        endpoint.resolve("/emulator/v1/projects/" + project + "/databases/(default)/documents");
    HttpResponse<String> response = call(() -> Http.delete(uri), "reset " + project);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Firestore emulator reset of "
              + project
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }

  /**
   * Exports {@code project}'s default database into a new folder under {@code directory} and
   * returns the export's {@code .overall_export_metadata} file, which {@code --import-data}
   * accepts.
   */
  public Path export(String project, Path directory) {
    Path target = DataDirs.create(directory.toAbsolutePath());
    String body =
        "{\"database\":\"projects/"
            + project
            + "/databases/(default)\",\"export_directory\":\""
            + target.toString().replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"}";
    URI uri = endpoint.resolve("/emulator/v1/projects/" + project + ":export");
    HttpResponse<String> response = call(() -> Http.postJson(uri, body), "export " + project);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Firestore emulator export answered " + response.statusCode() + ": " + response.body());
    }
    return newestExport(target)
        .orElseThrow(() -> new IllegalStateException("export wrote nothing into " + target));
  }

  /** The data directory, when the data outlives the process. */
  public Optional<Path> dataDir() {
    return Optional.ofNullable(dataDir);
  }

  /** Exports the project into the data directory (if any), then stops the emulator. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (dataDir != null && process.exitReason().isEmpty()) {
        Path kept = export(projectId, dataDir);
        pruneOlderExports(dataDir, kept);
      }
    } finally {
      process.close();
    }
  }

  @Override
  public String toString() {
    return "Firestore emulator at " + endpoint;
  }

  /** The newest {@code .overall_export_metadata} file under {@code directory}. */
  static Optional<Path> newestExport(Path directory) {
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    try (Stream<Path> exports = Files.list(directory)) {
      return exports
          .filter(dir -> dir.getFileName().toString().startsWith(EXPORT_PREFIX))
          .map(dir -> dir.resolve(dir.getFileName() + ".overall_export_metadata"))
          .filter(Files::isRegularFile)
          .max(Comparator.comparing(FirestoreEmulator::lastModified));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  private static void pruneOlderExports(Path directory, Path keptMetadata) {
    Path keptDir = keptMetadata.getParent();
    try (Stream<Path> exports = Files.list(directory)) {
      exports
          .filter(dir -> dir.getFileName().toString().startsWith(EXPORT_PREFIX))
          .filter(dir -> !dir.equals(keptDir))
          .forEach(DataDirs::deleteQuietly);
    } catch (IOException e) {
      System.err.println("stride: could not prune old Firestore exports: " + e.getMessage());
    }
  }

  private static long lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private interface HttpCall {
    HttpResponse<String> send() throws IOException, InterruptedException;
  }

  private static HttpResponse<String> call(HttpCall call, String what) {
    try {
      return call.send();
    } catch (IOException e) {
      throw new UncheckedIOException("Firestore emulator " + what + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during Firestore emulator " + what, e);
    }
  }

  /** Builder for {@link FirestoreEmulator}. */
  public static final class Builder {
    private int port;
    private String projectId = DEFAULT_PROJECT;
    private Path dataDir;
    private Duration startTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /** Port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Project that {@link #reset()} and persistence use. */
    public Builder projectId(String projectId) {
      this.projectId = projectId;
      return this;
    }

    /** Keeps the project's data in this directory across restarts (export on close). */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** How long to wait for the emulator to answer. */
    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = startTimeout;
      return this;
    }

    /** Starts the emulator and waits until it answers HTTP. */
    public FirestoreEmulator start() {
      Path jar = GcloudEmulators.firestoreJar();
      int chosenPort = Loopback.portOrFree(port);
      List<String> args =
          new ArrayList<>(
              List.of(
                  "-cp",
                  jar.toString(),
                  MAIN_CLASS,
                  "--host=" + Loopback.HOST,
                  "--port=" + chosenPort));
      Optional<Path> seed = dataDir == null ? Optional.empty() : newestExport(dataDir);
      seed.ifPresent(metadata -> args.add("--import-data=" + metadata));
      ManagedProcess process =
          ManagedProcess.start(
              "firestore-emulator",
              chosenPort,
              JavaCommand.of(List.of("-Duser.language=en"), args),
              jar.getParent(),
              Map.of());
      URI endpoint = URI.create("http://" + Loopback.HOST + ":" + chosenPort);
      try {
        Await.until(
            "Firestore emulator on port " + chosenPort,
            startTimeout,
            () -> Http.get(endpoint).statusCode() == 200,
            process::exitReason);
      } catch (RuntimeException e) {
        process.close();
        throw e;
      }
      StartLine.log(
          "Firestore emulator",
          endpoint,
          "pid "
              + process.pid()
              + ", project "
              + projectId
              + seed.map(s -> ", imported " + s).orElse(dataDir == null ? ", in memory" : ""));
      return new FirestoreEmulator(endpoint, projectId, dataDir, process);
    }
  }
}
