package app.stride.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import app.stride.core.store.StoreUnavailableException;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.firestore.Firestore;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FirestoreClientsIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  @Test
  void create_fromEnvWithEmulatorHost_writesIntoTheEmulator() throws Exception {
    Env env =
        new Env(
            Map.of(
                "STRIDE_FIRESTORE_PROJECT", FIRESTORE.projectId(),
                "STRIDE_FIRESTORE_EMULATOR_HOST", FIRESTORE.emulatorHost()));

    try (Firestore firestore = FirestoreClients.create(FirestoreConfig.fromEnv(env))) {
      VersionedDocuments.create(
          firestore.collection("probes").document("p1"),
          Map.of("who", "clients-it", "version", 1L));
    }

    var stored = EmulatorRest.get(FIRESTORE, "probes/p1");
    assertThat(stored.statusCode()).isEqualTo(200);
    assertThat(stored.body()).contains("clients-it");
  }

  @Test
  void fromEnv_prefersTheStrideEmulatorVariableAndDefaultsTheDatabase() {
    Env env =
        new Env(
            Map.of(
                "STRIDE_FIRESTORE_PROJECT", "p",
                "STRIDE_FIRESTORE_EMULATOR_HOST", "127.0.0.1:1",
                "FIRESTORE_EMULATOR_HOST", "127.0.0.1:2"));

    assertThat(FirestoreConfig.fromEnv(env))
        .isEqualTo(new FirestoreConfig("p", "(default)", Optional.of("127.0.0.1:1")));
  }

  @Test
  void read_fromAnUnreachableStore_isStoreUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    FirestoreConfig config = new FirestoreConfig("p", null, Optional.of("127.0.0.1:" + closedPort));

    try (Firestore firestore = FirestoreClients.create(config)) {
      assertThatThrownBy(() -> VersionedDocuments.read(firestore.collection("c").document("d")))
          .isInstanceOf(StoreUnavailableException.class);
    }
  }
}
