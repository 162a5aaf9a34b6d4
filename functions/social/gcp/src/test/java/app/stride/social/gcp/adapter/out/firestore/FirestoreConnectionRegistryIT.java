package app.stride.social.gcp.adapter.out.firestore;

import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.social.application.port.out.ConnectionRegistry;
import app.stride.social.testing.ConnectionRegistryContract;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.firestore.Firestore;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Firestore connection registry against the emulator: the shared registry contract. */
class FirestoreConnectionRegistryIT extends ConnectionRegistryContract {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static Firestore firestore;
  private static ConnectionRegistry registry;

  @BeforeAll
  static void connect() {
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));
    registry = new FirestoreConnectionRegistry(firestore);
  }

  @AfterAll
  static void close() throws Exception {
    firestore.close();
  }

  @Override
  protected ConnectionRegistry registry() {
    return registry;
  }
}
