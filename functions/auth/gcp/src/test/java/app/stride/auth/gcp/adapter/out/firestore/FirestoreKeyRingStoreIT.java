package app.stride.auth.gcp.adapter.out.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.testing.KeyRingStoreContract;
import app.stride.auth.token.KeyRing;
import app.stride.auth.token.KeyRingStore;
import app.stride.testkit.junit.FirestoreExtension;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The key ring store contract, plus the stored layout, on the real Firestore emulator. */
class FirestoreKeyRingStoreIT extends KeyRingStoreContract {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static EmulatorFirestore emulator;

  @BeforeAll
  static void connect() {
    emulator = new EmulatorFirestore(FIRESTORE);
  }

  @AfterAll
  static void close() throws Exception {
    emulator.close();
  }

  @Override
  protected KeyRingStore newStore() {
    try {
      return new FirestoreKeyRingStore(emulator.next(), HOME);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void save_storesOneDocumentPerRegion_withItsVersion() throws Exception {
    KeyRingStore store = newStore();
    KeyRing ring = KeyRing.bootstrap(HOME, Instant.parse("2026-03-01T08:15:30Z"));

    store.save(ring, 0);

    Map<String, Object> stored = emulator.stored(KeyRingDocument.COLLECTION, "eu").getData();
    assertThat(stored).containsOnlyKeys("region", "version", "ring").containsEntry("version", 1L);
    assertThat(KeyRingDocument.fromSnapshot(emulator.stored(KeyRingDocument.COLLECTION, "eu")))
        .hasToString("KeyRingDocument[region=eu, version=1, ring=<secret>]");
  }
}
