package app.stride.testkit.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Google Cloud CLI Pub/Sub emulator ({@code cloud-pubsub-emulator-*-all.jar}) as a child JVM.
 *
 * <p>It has no reset: give every test its own topic and subscription names. Clients must use a
 * plaintext channel to {@link #emulatorHost()} and {@code NoCredentialsProvider}; the Java client
 * ignores {@code PUBSUB_EMULATOR_HOST}.
 */
public final class PubSubEmulator implements LocalServer {

  private final URI endpoint;
  private final ManagedProcess process;

  private PubSubEmulator(URI endpoint, ManagedProcess process) {
    this.endpoint = endpoint;
    this.process = process;
  }

  /** Starts an emulator on a free loopback port. */
  public static PubSubEmulator start() {
    return start(0);
  }

  /** Starts an emulator on {@code port} (0 picks a free one) and waits until it answers. */
  public static PubSubEmulator start(int port) {
    Path jar = GcloudEmulators.pubSubJar();
    int chosenPort = Loopback.portOrFree(port);
    ManagedProcess process =
        ManagedProcess.start(
            "pubsub-emulator",
            chosenPort,
            JavaCommand.of(
                List.of(),
                List.of("-jar", jar.toString(), "--host=" + Loopback.HOST, "--port=" + chosenPort)),
            jar.getParent(),
            Map.of());
    URI endpoint = URI.create("http://" + Loopback.HOST + ":" + chosenPort);
    try {
      Await.until(
          "Pub/Sub emulator on port " + chosenPort,
          Duration.ofSeconds(60),
          () -> Http.get(endpoint).statusCode() == 200,
          process::exitReason);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    StartLine.log("Pub/Sub emulator", endpoint, "pid " + process.pid());
    return new PubSubEmulator(endpoint, process);
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  /** {@code host:port}, the target for a plaintext gRPC channel. */
  public String emulatorHost() {
    return host() + ":" + port();
  }

  @Override
  public void close() {
    process.close();
  }

  @Override
  public String toString() {
    return "Pub/Sub emulator at " + endpoint;
  }
}
