package app.stride.social.gcp.adapter.out.firestore;

import static app.stride.social.gcp.adapter.out.firestore.SocialDocuments.INVITES;

import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.gcp.firestore.VersionedDocuments;
import app.stride.social.application.port.out.InviteStore;
import app.stride.social.domain.Invite;
import app.stride.social.domain.UserId;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import java.util.List;
import java.util.Optional;

/**
 * Invites on Firestore, documents named by the token's hash; a creator's invites by {@code
 * createdBy} in document order (the single-field index serves it).
 */
public final class FirestoreInviteStore implements InviteStore {
  private final Firestore firestore;

  FirestoreInviteStore(Firestore firestore) {
    this.firestore = firestore;
  }

  @Override
  public void create(Invite invite) {
    VersionedDocuments.create(
        firestore.collection(INVITES).document(invite.tokenHash()), SocialDocuments.of(invite));
  }

  @Override
  public Optional<Invite> load(String tokenHash) {
    return VersionedDocuments.read(firestore.collection(INVITES).document(tokenHash))
        .map(d -> SocialDocuments.invite(tokenHash, d.snapshot()));
  }

  @Override
  public void replace(Invite next, long expectedVersion) {
    VersionedDocuments.replace(
        firestore.collection(INVITES).document(next.tokenHash()),
        SocialDocuments.of(next),
        expectedVersion);
  }

  @Override
  public List<Invite> createdBy(UserId creator, Optional<String> after, int limit) {
    Query query =
        firestore
            .collection(INVITES)
            .whereEqualTo("createdBy", creator.value())
            .orderBy(FieldPath.documentId());
    if (after.isPresent()) {
      query = query.startAfter(firestore.collection(INVITES).document(after.get()));
    }
    return FirestoreCalls.await(query.limit(limit).get()).getDocuments().stream()
        .map(d -> SocialDocuments.invite(d.getId(), d))
        .toList();
  }

  @Override
  public void delete(String tokenHash) {
    FirestoreCalls.await(firestore.collection(INVITES).document(tokenHash).delete());
  }
}
