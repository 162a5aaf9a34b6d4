package app.stride.social.gcp.adapter.out.firestore;

import static app.stride.social.testing.SocialTestData.aGroupId;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.social.application.port.out.SocialStores;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.Membership;
import app.stride.social.domain.PublicCard;
import app.stride.social.domain.UserId;
import app.stride.social.testing.SocialStoreContract;
import app.stride.social.testing.SocialTestData;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.firestore.Firestore;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Firestore social stores against the emulator: the shared contract, and the layout. */
class FirestoreSocialStoresIT extends SocialStoreContract {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static Firestore firestore;
  private static SocialStores stores;

  @BeforeAll
  static void connect() {
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));
    stores = FirestoreSocialStores.on(firestore);
  }

  @AfterAll
  static void close() throws Exception {
    firestore.close();
  }

  @Override
  protected SocialStores stores() {
    return stores;
  }

  @Test
  void aMembersDocument_holdsTheirPublicCard_andNothingElsePersonal() throws Exception {
    GroupId group = aGroupId("apac");
    stores
        .memberships()
        .create(
            Membership.join(
                group,
                new UserId("bo"),
                GroupRole.MEMBER,
                new PublicCard("Bo Chen", Optional.of("avatars/bo.webp")),
                SocialTestData.T0));

    Map<String, Object> stored =
        firestore
            .collection(SocialDocuments.MEMBERS)
            .document(group.value() + ":bo")
            .get()
            .get()
            .getData();

    assertThat(stored.keySet())
        .containsExactlyInAnyOrder(
            "groupId", "userId", "role", "displayName", "avatarRef", "joinedAt", "version");
    assertThat(stored.get("displayName")).isEqualTo("Bo Chen");
  }
}
