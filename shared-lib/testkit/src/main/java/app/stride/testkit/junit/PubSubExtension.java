package app.stride.testkit.junit;

import app.stride.testkit.server.GcloudEmulators;
import app.stride.testkit.server.PubSubEmulator;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Pub/Sub emulator, started once per JVM. It has no reset: use {@link #uniqueName(String)} for
 * every topic and subscription. Missing emulator: as for {@link FirestoreExtension}.
 *
 * <p>Clients need a plaintext channel and no credentials, e.g. {@code
 * FixedTransportChannelProvider.create(GrpcTransportChannel.create(
 * ManagedChannelBuilder.forTarget(PUBSUB.emulatorHost()).usePlaintext().build()))} with {@code
 * NoCredentialsProvider.create()}.
 */
public final class PubSubExtension extends LocalServerExtension<PubSubEmulator> {

  /** Project id the tests use; the emulator accepts any. */
  public static final String PROJECT_ID = "stride-test";

  static final String SERVER = "Pub/Sub emulator (Google Cloud CLI component pubsub-emulator)";

  @Override
  protected PubSubEmulator acquire(ExtensionContext context) {
    ServerRequirement.requireGcloudEmulator(suiteName(context), SERVER, GcloudEmulators.pubSub());
    return SharedServers.get(context, PubSubEmulator.class, PubSubEmulator::start);
  }

  /** Project id to give clients. */
  public String projectId() {
    return PROJECT_ID;
  }

  /** {@code host:port} for a plaintext gRPC channel. */
  public String emulatorHost() {
    return server().emulatorHost();
  }

  /** A topic or subscription id no other test used. */
  public String uniqueName(String prefix) {
    return UniqueNames.uniqueName(prefix);
  }
}
