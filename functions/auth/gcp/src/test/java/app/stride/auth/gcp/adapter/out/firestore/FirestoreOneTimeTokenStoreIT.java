package app.stride.auth.gcp.adapter.out.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.application.port.out.OneTimeTokenStore;
import app.stride.auth.domain.OneTimeToken;
import app.stride.auth.domain.UserId;
import app.stride.auth.testing.OneTimeTokenStoreContract;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.Firestore;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The one-time token store contract, plus the stored layout, on the real Firestore emulator. */
class FirestoreOneTimeTokenStoreIT extends OneTimeTokenStoreContract {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static EmulatorFirestore emulator;
  private Firestore firestore;

  @BeforeAll
  static void connect() {
    emulator = new EmulatorFirestore(FIRESTORE);
  }

  @AfterAll
  static void close() throws Exception {
    emulator.close();
  }

  @Override
  protected OneTimeTokenStore newStore() {
    firestore = nextFirestore();
    return new FirestoreOneTimeTokenStore(firestore);
  }

  @Test
  void save_storesTheHashPurposeAndATtlTimestamp() throws Exception {
    OneTimeTokenStore store = newStore();
    UserId user = UserId.random();
    Instant expires = Instant.parse("2026-03-01T08:45:30Z");

    store.save(new OneTimeToken("hash-9", OneTimeToken.Purpose.RESET_PASSWORD, user, expires, 0));

    Map<String, Object> stored =
        emulator.stored(OneTimeTokenDocument.COLLECTION, DocumentIds.encode("hash-9")).getData();
    assertThat(stored)
        .containsOnlyKeys(
            "tokenHash", "purpose", "userId", "expiresAt", "expiresAtExact", "failures")
        .containsEntry("purpose", "RESET_PASSWORD")
        .containsEntry("expiresAt", Timestamp.parseTimestamp("2026-03-01T08:45:30Z"))
        .containsEntry("expiresAtExact", "2026-03-01T08:45:30.000000000Z");
  }

  private static Firestore nextFirestore() {
    try {
      return emulator.next();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
