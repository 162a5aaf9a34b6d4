package app.stride.auth.gcp.adapter.out.firestore;

import app.stride.auth.token.KeyRing;
import app.stride.auth.token.KeyRingStore;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.gcp.firestore.VersionedDocuments;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.util.Objects;
import java.util.Optional;

/**
 * The signing key ring of one Firestore region ({@value KeyRingDocument#COLLECTION}, one document
 * per region). The first save is a {@code create}; later saves replace the document only at the
 * expected version ({@link VersionedDocuments}), so of two concurrent rotations exactly one wins.
 * The stored ring holds private keys: nothing here logs it or puts it in an exception.
 */
public final class FirestoreKeyRingStore implements KeyRingStore {
  private final Firestore firestore;
  private final ResidencyGuard guard;

  /** A store over {@code firestore} holding only the ring of {@code region}. */
  public FirestoreKeyRingStore(Firestore firestore, RegionId region) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    this.guard = new ResidencyGuard(region);
  }

  @Override
  public Optional<KeyRing> load(RegionId region) {
    guard.requireHome(region);
    DocumentSnapshot snapshot = FirestoreCalls.await(document(region).get());
    if (!snapshot.exists()) {
      return Optional.empty();
    }
    return Optional.of(KeyRing.fromJson(KeyRingDocument.fromSnapshot(snapshot).ring()));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when {@code ring.version()} is not {@code expectedVersion + 1}
   */
  @Override
  public void save(KeyRing ring, long expectedVersion) {
    guard.requireHome(ring.region());
    if (ring.version() != expectedVersion + 1) {
      throw new IllegalArgumentException("the saved ring's version must be expectedVersion + 1");
    }
    DocumentReference ref = document(ring.region());
    KeyRingDocument next =
        new KeyRingDocument(ring.region().value(), ring.version(), ring.toJson());
    if (expectedVersion == 0) {
      VersionedDocuments.create(ref, next.toFields());
    } else {
      VersionedDocuments.replace(ref, next.toFields(), expectedVersion);
    }
  }

  private DocumentReference document(RegionId region) {
    return firestore.collection(KeyRingDocument.COLLECTION).document(region.value());
  }
}
