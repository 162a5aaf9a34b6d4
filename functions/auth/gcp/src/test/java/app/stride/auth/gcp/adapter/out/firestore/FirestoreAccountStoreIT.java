package app.stride.auth.gcp.adapter.out.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.SocialLink;
import app.stride.auth.testing.AccountStoreContract;
import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account store contract, plus the stored layout, on the real Firestore emulator. */
class FirestoreAccountStoreIT extends AccountStoreContract {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static EmulatorFirestore emulator;
  private Firestore firestore;

  @BeforeAll
  static void connect() {
    emulator = new EmulatorFirestore(FIRESTORE);
  }

  @AfterAll
  static void close() throws Exception {
    emulator.close();
  }

  @Override
  protected AccountStore newStore() {
    firestore = nextFirestore();
    return new FirestoreAccountStore(firestore, HOME, Clock.systemUTC());
  }

  @Override
  protected void leaveClaimsWithoutAccount(AccountStore store, Account account, Instant claimedAt) {
    for (LoginClaim claim : LoginClaim.of(account)) {
      LoginClaimDocument orphan =
          new LoginClaimDocument(
              claim.key(), account.id().value(), false, FirestoreTimes.toTimestamp(claimedAt));
      await(
          firestore
              .collection(LoginClaimDocument.COLLECTION)
              .document(claim.documentId())
              .set(orphan.toFields()));
    }
  }

  @Test
  void create_storesTheAccountAndOneClaimDocumentPerIdentifier() throws Exception {
    AccountStore store = newStore();
    SocialLink link = new SocialLink("apple", "001234.abc/def.0042");
    Account ann = account("Ann.O'Neil+runs@example.com", link);

    store.create(ann);

    DocumentSnapshot account = emulator.stored(AccountDocument.COLLECTION, ann.id().value());
    assertThat(account.getString("email")).isEqualTo("Ann.O'Neil+runs@example.com");
    assertThat(account.getLong("version")).isEqualTo(1);
    assertThat(account.getString("createdAt")).isEqualTo("2026-03-01T08:15:30.123456789Z");
    DocumentSnapshot emailClaim =
        emulator.stored(
            LoginClaimDocument.COLLECTION, DocumentIds.encode("email:Ann.O'Neil+runs@example.com"));
    assertThat(emailClaim.getString("userId")).isEqualTo(ann.id().value());
    assertThat(emailClaim.getBoolean("confirmed")).isTrue();
    DocumentSnapshot linkClaim =
        emulator.stored(
            LoginClaimDocument.COLLECTION, DocumentIds.encode("social:apple:001234.abc/def.0042"));
    assertThat(linkClaim.getString("userId")).isEqualTo(ann.id().value());
  }

  @Test
  void create_withoutPassword_leavesThePasswordFieldOut() throws Exception {
    AccountStore store = newStore();
    Account social =
        Account.create(
            app.stride.auth.domain.UserId.random(),
            HOME,
            "s@example.com",
            true,
            null,
            java.util.Locale.ENGLISH,
            List.of(),
            Instant.parse("2026-03-01T08:15:30Z"));

    store.create(social);

    assertThat(emulator.stored(AccountDocument.COLLECTION, social.id().value()).getData())
        .doesNotContainKey("passwordHash");
  }

  @Test
  void delete_leavesATombstoneWithNothingPersonal() throws Exception {
    AccountStore store = newStore();
    Account ann = account("ann@example.com", new SocialLink("google", "42"));
    store.create(ann);

    store.delete(ann, deletedEvent(ann));

    Map<String, Object> tombstone =
        emulator.stored(TombstoneDocument.COLLECTION, ann.id().value()).getData();
    assertThat(tombstone).containsOnlyKeys("userId", "deleted", "events", "pendingSince");
    assertThat(firestore.collection(LoginClaimDocument.COLLECTION).get().get().getDocuments())
        .isEmpty();
  }

  @Test
  void reads_ofAnAccountHomedElsewhere_areRefused() throws Exception {
    AccountStore store = newStore();
    Account foreign =
        Account.create(
            app.stride.auth.domain.UserId.random(),
            RegionId.of("us"),
            "far@example.com",
            false,
            "h",
            java.util.Locale.ENGLISH,
            List.of(),
            Instant.parse("2026-03-01T08:15:30Z"));
    await(
        firestore
            .collection(AccountDocument.COLLECTION)
            .document(foreign.id().value())
            .create(AccountDocumentMapper.toDocument(foreign).toFields()));

    assertThatThrownBy(() -> store.findById(foreign.id()))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(421));
  }

  private static <T> T await(com.google.api.core.ApiFuture<T> call) {
    try {
      return call.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Firestore nextFirestore() {
    try {
      return emulator.next();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
