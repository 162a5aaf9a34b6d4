package app.stride.gcp.firestore;

import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.WriteBatch;
import java.util.List;

/**
 * Empties one collection of a user's documents (a deleted account), in bounded memory: pages of at
 * most {@value #PAGE} document names (no fields read), each deleted in one batch, the next page
 * read after the last name of the one before. Then a recursive delete of the collection's path
 * removes any documents nested under the deleted ones, which a Firestore delete leaves behind (the
 * devices and workouts layouts nest none; this keeps an erasure complete if one ever does).
 */
public final class CollectionEraser {
  /** Documents per page, the most one batch may write. */
  public static final int PAGE = 500;

  private CollectionEraser() {}

  /**
   * Deletes every document of {@code collection} and everything nested under them; returns how many
   * documents of the collection itself it deleted (0 when it was already empty).
   *
   * @throws app.stride.core.store.StoreUnavailableException when Firestore cannot be reached: the
   *     pages deleted so far stay deleted, a later call removes the rest
   */
  public static int eraseAll(Firestore firestore, CollectionReference collection) {
    Query names = collection.select(FieldPath.documentId()).orderBy(FieldPath.documentId());
    int removed = 0;
    QueryDocumentSnapshot last = null;
    while (true) {
      Query page = last == null ? names.limit(PAGE) : names.startAfter(last).limit(PAGE);
      List<QueryDocumentSnapshot> documents = FirestoreCalls.await(page.get()).getDocuments();
      if (documents.isEmpty()) {
        break;
      }
      WriteBatch batch = firestore.batch();
      documents.forEach(d -> batch.delete(d.getReference()));
      FirestoreCalls.await(batch.commit());
      removed += documents.size();
      if (documents.size() < PAGE) {
        break;
      }
      last = documents.get(documents.size() - 1);
    }
    FirestoreCalls.await(firestore.recursiveDelete(collection));
    return removed;
  }
}
