package app.stride.auth.gcp.adapter.out.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.application.port.out.SessionStore;
import app.stride.auth.domain.RefreshToken;
import app.stride.auth.domain.SessionFamily;
import app.stride.auth.domain.UserId;
import app.stride.auth.testing.SessionStoreContract;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The session store contract, plus the stored layout, on the real Firestore emulator. */
class FirestoreSessionStoreIT extends SessionStoreContract {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final Instant EXPIRES = Instant.parse("2026-03-31T08:15:30.123456789Z");

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
  protected SessionStore newStore() {
    firestore = nextFirestore();
    return new FirestoreSessionStore(firestore);
  }

  @Test
  void expiringDocuments_carryATtlTimestampNoEarlierThanTheirExpiry() throws Exception {
    SessionStore store = newStore();
    store.startSession(
        new SessionFamily("family-1", UserId.random(), EXPIRES.minusSeconds(60), EXPIRES, null));
    store.saveToken(
        new RefreshToken(
            "hash-1", "family-1", UserId.random(), List.of("pwd"), EXPIRES, EXPIRES, null));

    for (DocumentSnapshot stored :
        List.of(
            emulator.stored(SessionDocument.COLLECTION, DocumentIds.encode("family-1")),
            emulator.stored(RefreshTokenDocument.COLLECTION, DocumentIds.encode("hash-1")))) {
      Timestamp ttl = stored.getTimestamp("expiresAt");
      assertThat(ttl).isEqualTo(Timestamp.parseTimestamp("2026-03-31T08:15:30.123457Z"));
    }
  }

  @Test
  void keysWithSlashesAndDots_areStoredAndFound() {
    SessionStore store = newStore();
    RefreshToken token =
        new RefreshToken(
            "a/b+c==", "../..", UserId.random(), List.of("ext"), EXPIRES, EXPIRES, null);
    SessionFamily family = new SessionFamily("../..", token.userId(), EXPIRES, EXPIRES, null);

    store.startSession(family);
    store.saveToken(token);

    assertThat(store.findSession("../..")).contains(family);
    assertThat(store.findToken("a/b+c==")).contains(token);
    assertThat(store.markRotated("a/b+c==", EXPIRES)).isTrue();
  }

  private static Firestore nextFirestore() {
    try {
      return emulator.next();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
