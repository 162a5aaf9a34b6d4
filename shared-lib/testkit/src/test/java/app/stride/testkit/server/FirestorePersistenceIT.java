package app.stride.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Persistence through export and import. Uses the JVM's shared emulator for the first life of the
 * data (a project of its own, so the shared project's reset does not touch it) and starts one
 * emulator with a data directory, which imports on start and exports on close.
 */
class FirestorePersistenceIT {

  @RegisterExtension static final FirestoreExtension SHARED = new FirestoreExtension();

  private static final String PROJECT = "stride-persistence";

  @Test
  void dataDir_importsTheNewestExportOnStart_andExportsOnClose(@TempDir Path data)
      throws Exception {
    FirestoreEmulator shared = SHARED.server();
    Firestore onShared = client(shared.emulatorHost());
    try {
      onShared.collection("users").document("u1").set(Map.of("region", "apac")).get();
    } finally {
      onShared.close();
    }
    Path firstExport = shared.export(PROJECT, data);

    try (FirestoreEmulator restarted =
        FirestoreEmulator.builder().projectId(PROJECT).dataDir(data).start()) {
      Firestore onRestarted = client(restarted.emulatorHost());
      try {
        assertThat(onRestarted.collection("users").document("u1").get().get().getString("region"))
            .isEqualTo("apac");
        onRestarted.collection("users").document("u2").set(Map.of("region", "eu")).get();
      } finally {
        onRestarted.close();
      }
    }

    Path lastExport = FirestoreEmulator.newestExport(data).orElseThrow();
    assertThat(lastExport).isNotEqualTo(firstExport);
    try (Stream<Path> exports = Files.list(data)) {
      assertThat(exports).as("older exports pruned").containsExactly(lastExport.getParent());
    }
    shared.reset(PROJECT);
  }

  private static Firestore client(String emulatorHost) {
    return FirestoreOptions.newBuilder()
        .setProjectId(PROJECT)
        .setEmulatorHost(emulatorHost)
        .build()
        .getService();
  }
}
