package app.stride.testkit.junit;

import app.stride.testkit.server.FirestoreEmulator;
import app.stride.testkit.server.GcloudEmulators;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Firestore emulator, started once per JVM and emptied before each test class.
 *
 * <p>If the emulator is not installed the class fails with what to install, unless the build
 * declared the Google emulators absent ({@link AbsentSwitch}): then the class is aborted and listed
 * in {@code target/NOT-RUN.txt}.
 *
 * <p>Client setup that reaches the emulator (and never the real service): {@code
 * FirestoreOptions.newBuilder().setProjectId(FIRESTORE.projectId())
 * .setEmulatorHost(FIRESTORE.emulatorHost()).build().getService()}; do not set credentials.
 */
public final class FirestoreExtension extends LocalServerExtension<FirestoreEmulator> {

  static final String SERVER =
      "Firestore emulator (Google Cloud CLI component cloud-firestore-emulator)";

  @Override
  protected FirestoreEmulator acquire(ExtensionContext context) {
    ServerRequirement.requireGcloudEmulator(
        suiteName(context), SERVER, GcloudEmulators.firestore());
    return SharedServers.get(context, FirestoreEmulator.class, FirestoreEmulator::start);
  }

  @Override
  protected void prepareForClass(FirestoreEmulator server) {
    server.reset();
  }

  /** Project id to give clients; it is the one reset before each class. */
  public String projectId() {
    return server().projectId();
  }

  /** {@code host:port} for {@code setEmulatorHost}. */
  public String emulatorHost() {
    return server().emulatorHost();
  }
}
