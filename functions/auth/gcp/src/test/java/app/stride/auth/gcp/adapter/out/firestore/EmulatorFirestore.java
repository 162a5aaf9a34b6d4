package app.stride.auth.gcp.adapter.out.firestore;

import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Firestore clients on the test kit's emulator, built the way the functions build theirs. Each
 * {@link #next()} client works in a project of its own, so every test starts from an empty store
 * without resetting the shared emulator (its reset is slow on a loaded machine).
 */
final class EmulatorFirestore implements AutoCloseable {
  private final FirestoreExtension emulator;
  private Firestore current;

  EmulatorFirestore(FirestoreExtension emulator) {
    this.emulator = emulator;
  }

  /** A client on a new, empty project; the previous client is closed. */
  Firestore next() throws Exception {
    close();
    String project = "auth-it-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    current =
        FirestoreClients.create(
            new FirestoreConfig(project, null, Optional.of(emulator.emulatorHost())));
    return current;
  }

  /** The client of the running test. */
  Firestore current() {
    return current;
  }

  /** The raw document, as Firestore holds it. */
  DocumentSnapshot stored(String collection, String id) throws Exception {
    return current.collection(collection).document(id).get().get();
  }

  @Override
  public void close() throws Exception {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
