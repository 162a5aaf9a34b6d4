package app.stride.gcp.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.directory.DirectoryKeys;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FirestoreDirectoryIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final DirectoryKeys KEYS =
      new DirectoryKeys("directory-secret-for-tests-0123456789".getBytes(StandardCharsets.UTF_8));
  private static Firestore firestore;
  private static FirestoreDirectory directory;

  @BeforeAll
  static void connect() {
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));
    directory = new FirestoreDirectory(firestore);
  }

  @AfterAll
  static void close() throws Exception {
    firestore.close();
  }

  @Test
  void register_thenLookUpTheHomeRegion() {
    directory.register(KEYS.of("ana@example.com"), RegionId.of("apac"));

    assertThat(directory.homeRegion(KEYS.of(" Ana@Example.com"))).contains(RegionId.of("apac"));
    assertThat(directory.homeRegion(KEYS.of("nobody@example.com"))).isEmpty();
  }

  @Test
  void register_refusesATakenIdentifier_whateverTheRegion() {
    directory.register(KEYS.of("bob@example.com"), RegionId.of("us"));

    assertThatThrownBy(() -> directory.register(KEYS.of("bob@example.com"), RegionId.of("eu")))
        .isInstanceOf(VersionConflictException.class);
    assertThat(directory.homeRegion(KEYS.of("bob@example.com"))).contains(RegionId.of("us"));
  }

  @Test
  void storedDocuments_holdOnlyTheRegion_underTheKeyedHash() {
    directory.register(KEYS.of("chen@example.com"), RegionId.of("apac"));

    var documents =
        FirestoreCalls.await(firestore.collection(FirestoreDirectory.COLLECTION).get())
            .getDocuments();

    assertThat(documents).isNotEmpty();
    for (QueryDocumentSnapshot document : documents) {
      assertThat(document.getData().keySet()).containsExactly("homeRegion");
      assertThat(document.getId() + document.getData()).doesNotContain("@", "example", "chen");
    }
  }

  @Test
  void remove_deletesTheEntry_andIsIdempotent() {
    directory.register(KEYS.of("dora@example.com"), RegionId.of("eu"));

    directory.remove(KEYS.of("dora@example.com"));
    directory.remove(KEYS.of("dora@example.com"));

    assertThat(directory.homeRegion(KEYS.of("dora@example.com"))).isEmpty();
  }
}
