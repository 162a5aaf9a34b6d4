package app.stride.testkit.server;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Debian's {@code redis-server} as a child process, without persistence ({@code --save ""
 * --appendonly no}). The binary is {@code -Dstride.redis.server=PATH}, else {@code
 * STRIDE_REDIS_SERVER}, else {@code /usr/bin/redis-server}, else the first on {@code PATH}.
 */
public final class RedisServer implements LocalServer {

  /** System property naming the binary. */
  public static final String BINARY_PROPERTY = "stride.redis.server";

  /** Where Debian's redis-server package puts it. */
  public static final Path DEFAULT_BINARY = Path.of("/usr/bin/redis-server");

  private final URI endpoint;
  private final Optional<URI> tlsEndpoint;
  private final ManagedProcess process;
  private final Path workDir;

  private RedisServer(
      URI endpoint, Optional<URI> tlsEndpoint, ManagedProcess process, Path workDir) {
    this.endpoint = endpoint;
    this.tlsEndpoint = tlsEndpoint;
    this.process = process;
    this.workDir = workDir;
  }

  /** Whether a redis-server binary exists here, or what to install. */
  public static Availability availability() {
    return binary()
        .map(path -> Availability.present())
        .orElseGet(
            () ->
                Availability.missing(
                    "redis-server is not installed (looked at -D"
                        + BINARY_PROPERTY
                        + ", STRIDE_REDIS_SERVER, "
                        + DEFAULT_BINARY
                        + " and PATH). Install it:"
                        + " apt-get update && apt-get install -y redis-server"));
  }

  /** Starts redis-server on a free loopback port. */
  public static RedisServer start() {
    return start(0);
  }

  /** Starts redis-server on {@code port} (0 picks a free one) and waits until it answers PING. */
  public static RedisServer start(int port) {
    return start(port, Optional.empty());
  }

  /**
   * Starts redis-server speaking TLS with {@code certificates}' server certificate on a second free
   * loopback port ({@link #tlsEndpoint()}), clients not asked for certificates; the plain port
   * stays for {@link #command}.
   */
  public static RedisServer startWithTls(TestCertificates certificates) {
    return start(0, Optional.of(certificates));
  }

  private static RedisServer start(int port, Optional<TestCertificates> tls) {
    Path binary = binary().orElseThrow(() -> new ServerStartException(availability().reason()));
    int chosenPort = Loopback.portOrFree(port);
    Optional<Integer> tlsPort = tls.map(t -> Loopback.portOrFree(0));
    Path workDir = DataDirs.createTemp("stride-redis-");
    List<String> command = new ArrayList<>();
    tls.ifPresent(
        certificates ->
            command.addAll(
                List.of(
                    "--tls-port",
                    String.valueOf(tlsPort.orElseThrow()),
                    "--tls-cert-file",
                    certificates.serverCertificate().toString(),
                    "--tls-key-file",
                    certificates.serverKey().toString(),
                    "--tls-ca-cert-file",
                    certificates.caCertificate().toString(),
                    "--tls-auth-clients",
                    "no")));
    command.addAll(
        0,
        List.of(
            binary.toString(),
            "--port",
            String.valueOf(chosenPort),
            "--bind",
            Loopback.HOST,
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "no",
            "--dir",
            workDir.toString()));
    ManagedProcess process = ManagedProcess.start("redis", chosenPort, command, workDir, Map.of());
    try {
      Await.until(
          "redis-server on port " + chosenPort,
          Duration.ofSeconds(20),
          () -> "PONG".equals(Resp.call(Loopback.HOST, chosenPort, "PING")),
          process::exitReason);
    } catch (RuntimeException e) {
      process.close();
      DataDirs.deleteQuietly(workDir);
      throw e;
    }
    URI endpoint = URI.create("redis://" + Loopback.HOST + ":" + chosenPort);
    Optional<URI> tlsEndpoint = tlsPort.map(p -> URI.create("rediss://" + Loopback.HOST + ":" + p));
    StartLine.log(
        "redis-server",
        endpoint,
        "pid "
            + process.pid()
            + ", no persistence"
            + tlsEndpoint.map(t -> ", TLS " + t).orElse(""));
    return new RedisServer(endpoint, tlsEndpoint, process, workDir);
  }

  /** {@code rediss://127.0.0.1:P} when started with TLS. */
  public Optional<URI> tlsEndpoint() {
    return tlsEndpoint;
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  /** Sends one command (e.g. {@code "SET", "k", "v"}) and returns a simple or bulk reply. */
  public String command(String... args) {
    return Resp.call(host(), port(), args);
  }

  /** Deletes every key of every database. */
  public void flushAll() {
    command("FLUSHALL");
  }

  @Override
  public void close() {
    process.close();
    DataDirs.deleteQuietly(workDir);
  }

  @Override
  public String toString() {
    return "redis-server at " + endpoint;
  }

  static Optional<Path> binary() {
    String property = System.getProperty(BINARY_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Optional.of(Path.of(property)).filter(Files::isExecutable);
    }
    String variable = System.getenv("STRIDE_REDIS_SERVER");
    if (variable != null && !variable.isBlank()) {
      return Optional.of(Path.of(variable)).filter(Files::isExecutable);
    }
    if (Files.isExecutable(DEFAULT_BINARY)) {
      return Optional.of(DEFAULT_BINARY);
    }
    return Executables.onPath("redis-server");
  }
}
