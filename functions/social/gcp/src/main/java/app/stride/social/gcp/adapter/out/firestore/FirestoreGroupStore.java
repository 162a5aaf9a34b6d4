package app.stride.social.gcp.adapter.out.firestore;

import static app.stride.social.gcp.adapter.out.firestore.SocialDocuments.GROUPS;

import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.gcp.firestore.VersionedDocuments;
import app.stride.social.application.port.out.GroupStore;
import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import java.util.List;
import java.util.Optional;

/**
 * Groups on Firestore. Search: {@code public == true}, {@code nameKey} in [prefix, prefix +
 * U+F8FF), ordered by {@code nameKey} then {@code groupId} (composite index public, nameKey,
 * groupId).
 */
public final class FirestoreGroupStore implements GroupStore {
  private final Firestore firestore;

  FirestoreGroupStore(Firestore firestore) {
    this.firestore = firestore;
  }

  @Override
  public Optional<Group> load(GroupId id) {
    return VersionedDocuments.read(firestore.collection(GROUPS).document(id.value()))
        .map(d -> SocialDocuments.group(d.snapshot()));
  }

  @Override
  public void create(Group group) {
    VersionedDocuments.create(
        firestore.collection(GROUPS).document(group.id().value()), SocialDocuments.of(group));
  }

  @Override
  public void replace(Group next, long expectedVersion) {
    VersionedDocuments.replace(
        firestore.collection(GROUPS).document(next.id().value()),
        SocialDocuments.of(next),
        expectedVersion);
  }

  @Override
  public void delete(GroupId id, long expectedVersion) {
    VersionedDocuments.delete(firestore.collection(GROUPS).document(id.value()), expectedVersion);
  }

  @Override
  public List<Group> searchPublic(String prefixKey, Optional<SearchPosition> after, int limit) {
    Query query =
        firestore
            .collection(GROUPS)
            .whereEqualTo("public", true)
            .whereGreaterThanOrEqualTo("nameKey", prefixKey)
            .whereLessThan("nameKey", prefixKey + "\uf8ff")
            .orderBy("nameKey")
            .orderBy("groupId");
    if (after.isPresent()) {
      query = query.startAfter(after.get().nameKey(), after.get().groupId().value());
    }
    return FirestoreCalls.await(query.limit(limit).get()).getDocuments().stream()
        .map(SocialDocuments::group)
        .toList();
  }
}
