package app.stride.workouts.gcp.adapter.out.firestore;

import app.stride.gcp.firestore.FirestoreCalls;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.WriteBatch;
import java.util.List;

/**
 * Empties one of a user's collections (a deleted account) in bounded memory: pages of at most
 * {@value #PAGE} document names (no fields read), in document-id order, each page deleted in one
 * batched write before the next page is read after the last name of the one before. Each delete in
 * a batch is unconditional, as an erasure removes whatever is there. The workouts layouts nest no
 * documents under a workout or a claim (the outbox is a field), so nothing is left behind.
 */
final class CollectionEraser {
  /** Documents per page, the most one batched write may hold. */
  static final int PAGE = 500;

  private CollectionEraser() {}

  /**
   * Deletes every document of {@code collection}.
   *
   * @return how many documents it deleted (0 when the collection was already empty)
   * @throws app.stride.core.store.StoreUnavailableException when Firestore cannot be reached: the
   *     pages deleted so far stay deleted, a later call removes the rest
   */
  static int eraseAll(Firestore firestore, CollectionReference collection) {
    Query names = collection.select(FieldPath.documentId()).orderBy(FieldPath.documentId());
    int erased = 0;
    QueryDocumentSnapshot last = null;
    while (true) {
      Query page = last == null ? names.limit(PAGE) : names.startAfter(last).limit(PAGE);
      List<QueryDocumentSnapshot> documents = FirestoreCalls.await(page.get()).getDocuments();
      if (documents.isEmpty()) {
        return erased;
      }
      WriteBatch batch = firestore.batch();
      documents.forEach(d -> batch.delete(d.getReference()));
      FirestoreCalls.await(batch.commit());
      erased += documents.size();
      if (documents.size() < PAGE) {
        return erased;
      }
      last = documents.get(documents.size() - 1);
    }
  }
}
