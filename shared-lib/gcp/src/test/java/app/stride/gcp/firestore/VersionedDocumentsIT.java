package app.stride.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.store.VersionConflictException;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VersionedDocumentsIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static Firestore firestore;
  private static int counter;

  @BeforeAll
  static void connect() {
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));
  }

  @AfterAll
  static void close() throws Exception {
    firestore.close();
  }

  private static DocumentReference freshDocument() {
    return firestore.collection("things").document("t" + ++counter);
  }

  private static Map<String, Object> data(long version, String name) {
    Map<String, Object> data = new HashMap<>();
    data.put("version", version);
    data.put("name", name);
    return data;
  }

  @Test
  void create_storesTheDocumentWithItsVersion() {
    DocumentReference ref = freshDocument();

    VersionedDocuments.create(ref, data(1, "a"));

    VersionedDocument read = VersionedDocuments.read(ref).orElseThrow();
    assertThat(read.version()).isEqualTo(1);
    assertThat(read.data()).containsEntry("name", "a");
  }

  @Test
  void create_whenTheDocumentExists_isAVersionConflictAndKeepsTheFirst() {
    DocumentReference ref = freshDocument();
    VersionedDocuments.create(ref, data(1, "first"));

    assertThatThrownBy(() -> VersionedDocuments.create(ref, data(1, "second")))
        .isInstanceOf(VersionConflictException.class);
    assertThat(VersionedDocuments.read(ref).orElseThrow().data()).containsEntry("name", "first");
  }

  @Test
  void read_ofAMissingDocument_isEmpty() {
    assertThat(VersionedDocuments.read(freshDocument())).isEmpty();
  }

  @Test
  void replace_atTheExpectedVersion_replacesEveryFieldIncludingNestedMaps() {
    DocumentReference ref = freshDocument();
    Map<String, Object> first = data(1, "a");
    first.put("nested", Map.of("keep", 1L, "drop", 2L));
    first.put("gone", "soon");
    VersionedDocuments.create(ref, first);
    Map<String, Object> second = data(2, "b");
    second.put("nested", Map.of("keep", 3L));

    VersionedDocuments.replace(ref, second, 1);

    VersionedDocument read = VersionedDocuments.read(ref).orElseThrow();
    assertThat(read.version()).isEqualTo(2);
    assertThat(read.data())
        .containsEntry("name", "b")
        .containsEntry("nested", Map.of("keep", 3L))
        .doesNotContainKey("gone");
  }

  @Test
  void replace_atAnotherVersion_isAVersionConflictAndChangesNothing() {
    DocumentReference ref = freshDocument();
    VersionedDocuments.create(ref, data(1, "a"));

    assertThatThrownBy(() -> VersionedDocuments.replace(ref, data(3, "b"), 2))
        .isInstanceOf(VersionConflictException.class);
    assertThat(VersionedDocuments.read(ref).orElseThrow().data()).containsEntry("name", "a");
  }

  @Test
  void replace_ofAMissingDocument_isAVersionConflict() {
    DocumentReference ref = freshDocument();

    assertThatThrownBy(() -> VersionedDocuments.replace(ref, data(2, "b"), 1))
        .isInstanceOf(VersionConflictException.class);
    assertThat(VersionedDocuments.read(ref)).isEmpty();
  }

  @Test
  void replace_afterAConcurrentChange_losesItsPrecondition() {
    DocumentReference ref = freshDocument();
    VersionedDocuments.create(ref, data(1, "a"));
    VersionedDocument staleRead = VersionedDocuments.read(ref).orElseThrow();
    VersionedDocuments.replace(ref, data(2, "winner"), 1);

    assertThatThrownBy(() -> VersionedDocuments.replace(staleRead, data(2, "loser")))
        .isInstanceOf(VersionConflictException.class);
    assertThat(VersionedDocuments.read(ref).orElseThrow().data()).containsEntry("name", "winner");
  }

  @Test
  void update_changesOnlyTheNamedPaths_evenWithDotsInMapKeys() {
    DocumentReference ref = freshDocument();
    Map<String, Object> first = data(1, "a");
    first.put("outbox", Map.of("evt.1", "one", "evt.2", "two"));
    VersionedDocuments.create(ref, first);

    VersionedDocuments.update(
        VersionedDocuments.read(ref).orElseThrow(),
        Map.of(FieldPath.of("outbox", "evt.1"), FieldValue.delete()));

    assertThat(VersionedDocuments.read(ref).orElseThrow().data())
        .containsEntry("name", "a")
        .containsEntry("outbox", Map.of("evt.2", "two"));
  }

  @Test
  void delete_atTheExpectedVersion_removesTheDocument() throws Exception {
    DocumentReference ref = freshDocument();
    VersionedDocuments.create(ref, data(1, "a"));

    VersionedDocuments.delete(ref, 1);

    assertThat(VersionedDocuments.read(ref)).isEmpty();
    assertThat(EmulatorRest.get(FIRESTORE, "things/" + ref.getId()).statusCode()).isEqualTo(404);
  }

  @Test
  void delete_atAnotherVersion_orAfterAConcurrentChange_isAVersionConflict() {
    DocumentReference ref = freshDocument();
    VersionedDocuments.create(ref, data(1, "a"));
    VersionedDocument staleRead = VersionedDocuments.read(ref).orElseThrow();
    VersionedDocuments.replace(ref, data(2, "b"), 1);

    assertThatThrownBy(() -> VersionedDocuments.delete(ref, 1))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> VersionedDocuments.delete(staleRead))
        .isInstanceOf(VersionConflictException.class);
    assertThat(VersionedDocuments.read(ref)).isPresent();
  }
}
