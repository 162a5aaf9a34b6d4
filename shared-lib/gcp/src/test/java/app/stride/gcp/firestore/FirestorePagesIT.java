package app.stride.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import app.stride.core.store.Page;
import app.stride.gcp.firestore.FirestorePages.SortKey;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FirestorePagesIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final FirestorePages PAGES =
      new FirestorePages(
          new CursorCodec("test-cursor-key-test-cursor-key!".getBytes(StandardCharsets.UTF_8)));
  private static final List<SortKey> BY_DAY_DESC = List.of(SortKey.desc("day"));

  private static Firestore firestore;
  private static CollectionReference workouts;

  @BeforeAll
  static void seed() {
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));
    workouts = firestore.collection("users").document("u1").collection("workouts");
    // Seven workouts over five days: ties on "day" are broken by the document id.
    String[][] seed = {
      {"w1", "2026-01-01"},
      {"w2", "2026-01-02"},
      {"w3", "2026-01-02"},
      {"w4", "2026-01-03"},
      {"w5", "2026-01-04"},
      {"w6", "2026-01-04"},
      {"w7", "2026-01-05"}
    };
    for (String[] w : seed) {
      VersionedDocuments.create(
          workouts.document(w[0]), Map.of("day", w[1], "owner", "u1", "version", 1L));
    }
    VersionedDocuments.create(
        firestore.collection("users").document("u2").collection("workouts").document("x1"),
        Map.of("day", "2026-01-09", "owner", "u2", "version", 1L));
  }

  @AfterAll
  static void close() throws Exception {
    firestore.close();
  }

  private static Page<String> page(Optional<String> cursor, String scope) {
    return PAGES.page(workouts, BY_DAY_DESC, 3, cursor, scope, DocumentSnapshot::getId);
  }

  @Test
  void page_walksEveryItemOnceInOrder_andTheLastPageHasNoCursor() {
    List<List<String>> pages = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      Page<String> page = page(cursor, "workouts:u1");
      pages.add(page.items());
      cursor = page.nextCursor();
    } while (cursor.isPresent());

    assertThat(pages)
        .containsExactly(List.of("w7", "w6", "w5"), List.of("w4", "w3", "w2"), List.of("w1"));
  }

  @Test
  void page_whenItemsFitExactly_returnsNoCursor() {
    Page<String> page =
        PAGES.page(
            workouts, BY_DAY_DESC, 7, Optional.empty(), "workouts:u1", DocumentSnapshot::getId);

    assertThat(page.items()).hasSize(7);
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void page_refusesACursorOfAnotherScope() {
    String cursor = page(Optional.empty(), "workouts:u1").nextCursor().orElseThrow();

    assertThatThrownBy(() -> page(Optional.of(cursor), "workouts:u2"))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
  }

  @Test
  void page_refusesATamperedCursor() {
    String cursor = page(Optional.empty(), "workouts:u1").nextCursor().orElseThrow();
    String tampered =
        cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA");

    assertThatThrownBy(() -> page(Optional.of(tampered), "workouts:u1"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type().toString()).endsWith("validation-failed"));
  }
}
