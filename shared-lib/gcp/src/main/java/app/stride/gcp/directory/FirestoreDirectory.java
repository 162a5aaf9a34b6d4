package app.stride.gcp.directory;

import app.stride.core.directory.DirectoryKey;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.region.RegionId;
import app.stride.gcp.firestore.FirestoreCalls;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.util.Map;
import java.util.Optional;

/**
 * {@link DirectoryPort} on Firestore: one document per keyed hash (the document id) with a single
 * field, {@code homeRegion}. Registration uses {@code create}, which fails when the document
 * exists.
 */
public final class FirestoreDirectory implements DirectoryPort {
  /** The collection that holds the directory. */
  public static final String COLLECTION = "directory";

  private static final String HOME_REGION = "homeRegion";

  private final CollectionReference entries;

  public FirestoreDirectory(Firestore firestore) {
    this.entries = firestore.collection(COLLECTION);
  }

  @Override
  public void register(DirectoryKey key, RegionId home) {
    FirestoreCalls.await(entries.document(key.value()).create(Map.of(HOME_REGION, home.value())));
  }

  @Override
  public Optional<RegionId> homeRegion(DirectoryKey key) {
    DocumentSnapshot entry = FirestoreCalls.await(entries.document(key.value()).get());
    return entry.exists()
        ? Optional.of(RegionId.of(entry.getString(HOME_REGION)))
        : Optional.empty();
  }

  @Override
  public void remove(DirectoryKey key) {
    FirestoreCalls.await(entries.document(key.value()).delete());
  }
}
