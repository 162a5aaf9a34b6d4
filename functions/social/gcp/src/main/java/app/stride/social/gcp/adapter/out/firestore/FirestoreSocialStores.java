package app.stride.social.gcp.adapter.out.firestore;

import app.stride.social.application.port.out.SocialStores;
import com.google.cloud.firestore.Firestore;

/** The social stores of one region on its Firestore database. */
public final class FirestoreSocialStores {
  private FirestoreSocialStores() {}

  /** The four stores over {@code firestore}. */
  public static SocialStores on(Firestore firestore) {
    return new SocialStores(
        new FirestoreGroupStore(firestore),
        new FirestoreMembershipStore(firestore),
        new FirestoreInviteStore(firestore),
        new FirestoreMessageStore(firestore));
  }
}
