package app.stride.social.gcp.adapter.out.firestore;

import static app.stride.social.gcp.adapter.out.firestore.SocialDocuments.INVITES;

import app.stride.gcp.firestore.VersionedDocuments;
import app.stride.social.application.port.out.InviteStore;
import app.stride.social.domain.Invite;
import com.google.cloud.firestore.Firestore;
import java.util.Optional;

/** Invites on Firestore, documents named by the token's hash. */
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
}
