package app.stride.gcp.firestore;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Map;
import java.util.Objects;

/**
 * A document as read, with what a conditional write needs: its version field and the server's
 * update time, which becomes the write's {@code Precondition.updatedAt}.
 *
 * @param snapshot the snapshot read
 * @param version the value of the version field, 0 when the document has none
 * @param updateTime when the server last changed the document
 */
public record VersionedDocument(DocumentSnapshot snapshot, long version, Timestamp updateTime) {
  public VersionedDocument {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(updateTime, "updateTime");
  }

  /** The document's reference. */
  public DocumentReference reference() {
    return snapshot.getReference();
  }

  /** The stored fields. */
  public Map<String, Object> data() {
    Map<String, Object> data = snapshot.getData();
    return data == null ? Map.of() : data;
  }
}
