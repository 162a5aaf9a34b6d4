package app.stride.devices.gcp.adapter.out.firestore;

import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.domain.UserId;
import app.stride.gcp.firestore.FirestoreCalls;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The erased accounts of one Firestore region: {@code erasedAccounts/{userId}} with {@code
 * erasedAt} and {@code expiresAt} (timestamps; a TTL policy on the collection group deletes a
 * marker after its {@code expiresAt}, within a day or so). A top-level collection, outside {@code
 * users/{userId}} whose collections the erasure empties, so erasing the user never removes it.
 * Marking again overwrites the document; a marker past its {@code expiresAt} reads as absent. The
 * recent markers are listed by one query on {@code erasedAt} (Firestore's automatic single-field
 * index), newest first.
 */
public final class FirestoreErasedAccounts implements ErasedAccounts {
  /** The collection of the markers (and of the TTL policy on {@code expiresAt}). */
  public static final String COLLECTION = "erasedAccounts";

  /** Markers read per query page. */
  static final int PAGE = 100;

  private final Firestore firestore;
  private final ResidencyGuard guard;
  private final Clock clock;

  public FirestoreErasedAccounts(Firestore firestore, RegionId region, Clock clock) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    this.guard = new ResidencyGuard(region);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void markErased(UserId userId, Instant erasedAt, Instant expiresAt, RegionId home) {
    guard.requireHome(home);
    FirestoreCalls.await(
        marker(userId)
            .set(
                Map.of(
                    "erasedAt", ActivityDocument.timestamp(erasedAt),
                    "expiresAt", ActivityDocument.timestamp(expiresAt))));
  }

  @Override
  public boolean isErased(UserId userId, RegionId home) {
    guard.requireHome(home);
    DocumentSnapshot marker = FirestoreCalls.await(marker(userId).get());
    return marker.exists()
        && marker.get("expiresAt") instanceof Timestamp expiresAt
        && ActivityDocument.instant(expiresAt).isAfter(clock.instant());
  }

  @Override
  public List<UserId> erasedSince(Instant since, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    Instant now = clock.instant();
    Query newestFirst =
        firestore
            .collection(COLLECTION)
            .whereGreaterThanOrEqualTo("erasedAt", ActivityDocument.timestamp(since))
            .orderBy("erasedAt", Query.Direction.DESCENDING)
            .limit(PAGE);
    List<UserId> listed = new ArrayList<>();
    DocumentSnapshot last = null;
    while (listed.size() < limit) {
      List<QueryDocumentSnapshot> page =
          FirestoreCalls.await((last == null ? newestFirst : newestFirst.startAfter(last)).get())
              .getDocuments();
      for (QueryDocumentSnapshot marker : page) {
        if (listed.size() < limit
            && marker.get("expiresAt") instanceof Timestamp expiresAt
            && ActivityDocument.instant(expiresAt).isAfter(now)) {
          listed.add(new UserId(marker.getId()));
        }
      }
      if (page.size() < PAGE) {
        break;
      }
      last = page.get(page.size() - 1);
    }
    return listed;
  }

  private DocumentReference marker(UserId userId) {
    return firestore.collection(COLLECTION).document(userId.value());
  }
}
