package app.stride.testkit.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dynalite, the open-source DynamoDB-compatible server, run as a Node.js child process from {@code
 * tools/local-servers/node_modules} (installed with npm on first use).
 *
 * <p>Tables are created, updated and deleted instantly. Without a data directory the data lives in
 * memory and disappears on {@link #close()}; with one it is kept in LevelDB files across restarts.
 */
public final class DynaliteServer implements LocalServer {

  private static final String LIST_TABLES_TARGET = "DynamoDB_20120810.ListTables";
  // dynalite checks that a SigV4 header is present, not that it is valid.
  private static final String FAKE_AUTHORIZATION =
      "AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/aws4_request,"
          + " SignedHeaders=host, Signature=0";

  private final URI endpoint;
  private final Path dataDir;
  private final ManagedProcess process;

  private DynaliteServer(URI endpoint, Path dataDir, ManagedProcess process) {
    this.endpoint = endpoint;
    this.dataDir = dataDir;
    this.process = process;
  }

  /** Starts an in-memory dynalite on a free loopback port. */
  public static DynaliteServer start() {
    return builder().start();
  }

  /** Options: port, data directory, repository root, start timeout. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  /** The LevelDB directory, when the data outlives the process. */
  public Optional<Path> dataDir() {
    return Optional.ofNullable(dataDir);
  }

  @Override
  public void close() {
    process.close();
  }

  @Override
  public String toString() {
    return "dynalite at " + endpoint;
  }

  private static boolean answersListTables(URI endpoint) throws IOException, InterruptedException {
    HttpResponse<String> response =
        Http.post(
            endpoint,
            "{}",
            "Content-Type",
            "application/x-amz-json-1.0",
            "X-Amz-Target",
            LIST_TABLES_TARGET,
            "X-Amz-Date",
            "20240101T000000Z",
            "Authorization",
            FAKE_AUTHORIZATION);
    return response.statusCode() == 200 && response.body().contains("TableNames");
  }

  /** Builder for {@link DynaliteServer}. */
  public static final class Builder {
    private int port;
    private Path dataDir;
    private Path strideRoot;
    private Duration startTimeout = Duration.ofSeconds(30);

    private Builder() {}

    /** Port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Keeps the data in this directory (created if needed) across restarts. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** Repository root holding {@code tools/local-servers}; found automatically by default. */
    public Builder strideRoot(Path strideRoot) {
      this.strideRoot = strideRoot;
      return this;
    }

    /** How long to wait for the server to answer. */
    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = startTimeout;
      return this;
    }

    /** Starts the server and waits until it answers a ListTables call. */
    public DynaliteServer start() {
      Path root = strideRoot != null ? strideRoot : StrideRoot.locate();
      Path binary = LocalServersPackages.binary(root, "dynalite");
      int chosenPort = Loopback.portOrFree(port);
      List<String> command = new ArrayList<>(List.of(binary.toString()));
      command.addAll(
          List.of(
              "--host",
              Loopback.HOST,
              "--port",
              String.valueOf(chosenPort),
              "--createTableMs",
              "0",
              "--deleteTableMs",
              "0",
              "--updateTableMs",
              "0"));
      if (dataDir != null) {
        DataDirs.create(dataDir);
        command.addAll(List.of("--path", dataDir.toAbsolutePath().toString()));
      }
      ManagedProcess process =
          ManagedProcess.start("dynalite", chosenPort, command, binary.getParent(), Map.of());
      URI endpoint = URI.create("http://" + Loopback.HOST + ":" + chosenPort);
      try {
        Await.until(
            "dynalite on port " + chosenPort,
            startTimeout,
            () -> Loopback.accepts(Loopback.HOST, chosenPort) && answersListTables(endpoint),
            process::exitReason);
      } catch (RuntimeException e) {
        process.close();
        throw e;
      }
      DynaliteServer server = new DynaliteServer(endpoint, dataDir, process);
      StartLine.log(
          "dynalite",
          endpoint,
          "pid " + process.pid() + ", " + (dataDir == null ? "in memory" : "data in " + dataDir));
      return server;
    }
  }
}
