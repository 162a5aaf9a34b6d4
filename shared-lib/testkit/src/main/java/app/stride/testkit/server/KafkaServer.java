package app.stride.testkit.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one), running inside
 * this JVM. The log directory is formatted with {@code StorageTool}; internal topics use
 * replication factor 1. Without a log directory the data goes to a temporary folder deleted on
 * {@link #close()}.
 */
public final class KafkaServer implements LocalServer {

  private final URI endpoint;
  private final KafkaRaftServer server;
  private final Path logDir;
  private final boolean deleteLogDir;
  private boolean closed;

  private KafkaServer(URI endpoint, KafkaRaftServer server, Path logDir, boolean deleteLogDir) {
    this.endpoint = endpoint;
    this.server = server;
    this.logDir = logDir;
    this.deleteLogDir = deleteLogDir;
  }

  /** Starts a broker on a free loopback port with a temporary log directory. */
  public static KafkaServer start() {
    return builder().start();
  }

  /** Options: port, log directory, start timeout. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code PLAINTEXT://127.0.0.1:P}. */
  @Override
  public URI endpoint() {
    return endpoint;
  }

  /** {@code 127.0.0.1:P}, the value for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return host() + ":" + port();
  }

  /** Where the broker keeps its log segments and metadata. */
  public Path logDir() {
    return logDir;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ShutdownHooks.unregister(this);
    server.shutdown();
    server.awaitShutdown();
    if (deleteLogDir) {
      DataDirs.deleteQuietly(logDir);
    }
  }

  @Override
  public String toString() {
    return "Kafka broker at " + bootstrapServers();
  }

  static Properties brokerConfig(int port, int controllerPort, Path logDir) {
    Properties config = new Properties();
    config.putAll(
        Map.ofEntries(
            Map.entry("process.roles", "broker,controller"),
            Map.entry("node.id", "1"),
            Map.entry("controller.quorum.voters", "1@" + Loopback.HOST + ":" + controllerPort),
            Map.entry(
                "listeners",
                "PLAINTEXT://"
                    + Loopback.HOST
                    + ":"
                    + port
                    + ",CONTROLLER://"
                    + Loopback.HOST
                    + ":"
                    + controllerPort),
            Map.entry("advertised.listeners", "PLAINTEXT://" + Loopback.HOST + ":" + port),
            Map.entry("controller.listener.names", "CONTROLLER"),
            Map.entry("inter.broker.listener.name", "PLAINTEXT"),
            Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
            Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
            Map.entry("num.partitions", "1"),
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("auto.create.topics.enable", "true")));
    return config;
  }

  /** Builder for {@link KafkaServer}. */
  public static final class Builder {
    private int port;
    private Path logDir;
    private Duration startTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /** Client port; 0 (the default) picks a free one. The controller port is always free-picked. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Keeps topics in this directory across restarts (formatted on first use). */
    public Builder logDir(Path logDir) {
      this.logDir = logDir;
      return this;
    }

    /** How long to wait for the broker to answer a cluster description. */
    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = startTimeout;
      return this;
    }

    /** Formats the storage if needed, starts the broker and waits until it serves clients. */
    public KafkaServer start() {
      int chosenPort = Loopback.portOrFree(port);
      int controllerPort = Loopback.freePort();
      boolean temporary = logDir == null;
      Path dir = temporary ? DataDirs.createTemp("stride-kafka-") : DataDirs.create(logDir);
      Properties config = brokerConfig(chosenPort, controllerPort, dir);
      format(config, dir);
      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
      KafkaServer started =
          new KafkaServer(
              URI.create("PLAINTEXT://" + Loopback.HOST + ":" + chosenPort),
              server,
              dir,
              temporary);
      ShutdownHooks.register(started);
      try {
        server.startup();
        awaitClients(started.bootstrapServers(), startTimeout);
      } catch (RuntimeException e) {
        ServerStartException failure =
            new ServerStartException("Kafka broker did not start on port " + chosenPort, e);
        try {
          started.close();
        } catch (RuntimeException stopFailure) {
          failure.addSuppressed(stopFailure);
        }
        throw failure;
      }
      StartLine.log("Kafka (KRaft, in-process)", started.bootstrapServers(), "log dir " + dir);
      return started;
    }

    private static void format(Properties config, Path dir) {
      Path file = dir.resolveSibling(dir.getFileName() + "-server.properties");
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        config.store(writer, "Stride test kit broker");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int exit;
      try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
        exit =
            StorageTool.execute(
                new String[] {
                  "format",
                  "--cluster-id",
                  clusterId(dir),
                  "--config",
                  file.toString(),
                  "--ignore-formatted"
                },
                out);
      } finally {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // a stray properties file in the temp dir is harmless
        }
      }
      if (exit != 0) {
        throw new ServerStartException(
            "Kafka storage format failed ("
                + exit
                + "): "
                + output.toString(StandardCharsets.UTF_8));
      }
    }

    /**
     * The id the directory was formatted with, so a restart on kept data formats nothing new (a
     * fresh id would make the broker refuse its own log); a new id for an empty directory.
     */
    static String clusterId(Path dir) {
      try (java.util.stream.Stream<Path> files = Files.walk(dir, 3)) {
        for (Path meta : files.filter(f -> f.endsWith("meta.properties")).toList()) {
          Properties properties = new Properties();
          try (java.io.Reader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            properties.load(reader);
          }
          String id = properties.getProperty("cluster.id");
          if (id != null && !id.isBlank()) {
            return id;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read Kafka metadata in " + dir, e);
      }
      return Uuid.randomUuid().toString();
    }

    private static void awaitClients(String bootstrapServers, Duration timeout) {
      try (Admin admin =
          Admin.create(
              Map.of(
                  AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                  AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                  AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4_000))) {
        Await.until(
            "Kafka broker at " + bootstrapServers,
            timeout,
            () -> !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty(),
            java.util.Optional::empty);
      }
    }
  }
}
