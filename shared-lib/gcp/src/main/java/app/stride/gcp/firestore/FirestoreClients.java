package app.stride.gcp.firestore;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;

/**
 * Builds Firestore clients. In the cloud the client uses Application Default Credentials (the
 * function's service account). Against the emulator it sets only the emulator host and never any
 * credentials: the client then switches itself to a plaintext channel with the emulator's owner
 * token, whereas {@code setEmulatorHost} combined with {@code NoCredentials} has been seen to reach
 * the real service (DESIGN.md section 8). {@code FirestoreClientsIT} proves the documents land in
 * the emulator.
 */
public final class FirestoreClients {
  private FirestoreClients() {}

  /** A new client; build it once per function instance and keep it. */
  public static Firestore create(FirestoreConfig config) {
    FirestoreOptions.Builder options =
        FirestoreOptions.newBuilder()
            .setProjectId(config.projectId())
            .setDatabaseId(config.databaseId());
    config.emulatorHost().ifPresent(options::setEmulatorHost);
    return options.build().getService();
  }
}
